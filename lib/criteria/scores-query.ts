import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { findBatchByName } from "@/lib/assignments/find-batch";
import { findProjectForActor } from "@/lib/projects/access";

/** The scores' query string (API) and the CLI's `scores --batch`: an unknown key is an error, not ignored. */
export const scoresQuerySchema = z.strictObject(
  { batch: z.string().min(1, { error: "batch must name a batch." }).max(120).optional() },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown parameter ${issue.keys.map((k) => `"${k}"`).join(", ")}: use batch.` : undefined) },
);

/** Project (by the caller's access) and batch resolved before any figure is computed: unknown → not found. */
export async function resolveScoresQuery(actor: Actor, slug: string, query: Record<string, string | undefined>) {
  const q = scoresQuerySchema.parse(query);
  const project = await findProjectForActor(actor, slug, "project:read");
  const batch = q.batch === undefined ? null : await findBatchByName(project.id, q.batch);
  return { project, opts: batch ? { batchId: batch.id } : {} };
}
