import { z } from "zod";
import { allows, ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { findBatchByName } from "@/lib/assignments/find-batch";
import { findProjectForActor } from "@/lib/projects/access";

// The query of a brat or CoNLL/BIO export (API parameters; the CLI maps its flags onto it), checked
// before anything is read, as the JSONL/CSV export does (lib/export/prepare-export.ts).

export const ARGUMENT_EXPORT_FORMATS = ["brat", "conll"] as const;

const flag = (name: string) => z.enum(["true", "false"], { error: `${name} must be true or false.` }).optional().transform((v) => v === "true");

export const argumentExportQuerySchema = z.strictObject(
  {
    format: z.enum(ARGUMENT_EXPORT_FORMATS, { error: "format must be brat or conll." }),
    /** Whose annotations: every submitted review (one folder per reviewer), or the ones imported with the items. */
    source: z.enum(["reviewers", "imported"], { error: "source must be reviewers or imported." }).default("reviewers"),
    batch: z.string().min(1, { error: "batch must name a batch." }).max(120).optional(),
    identifyReviewers: flag("identifyReviewers"),
    /** BIO only: tag MajorClaim as Claim, as AbstRCT's own BIO release does. */
    foldMajorClaim: flag("foldMajorClaim"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown parameter ${issue.keys.map((k) => `"${k}"`).join(", ")}: use format, source, batch, identifyReviewers, foldMajorClaim.` : undefined) },
);

export function isArgumentExportFormat(format: string | null | undefined): boolean {
  return (ARGUMENT_EXPORT_FORMATS as readonly string[]).includes(format ?? "");
}

export async function prepareArgumentExport(actor: Actor, slug: string, query: Record<string, string | undefined>) {
  const q = argumentExportQuerySchema.parse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
  const project = await findProjectForActor(actor, slug, "export:read");
  if (q.identifyReviewers && !allows(project.access, "reviewer:identify")) throw new ForbiddenError("Only the project's managers may export reviewer identities.");
  if (q.batch !== undefined) await findBatchByName(project.id, q.batch);
  return { project, query: q };
}
