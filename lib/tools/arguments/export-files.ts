import { zipSync, strToU8 } from "fflate";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ArgumentAnnotation, ArgumentDocument, LabelSet } from "@/lib/formats/argument-types";
import { checkBratFileName, writeBratFiles, type BratFile } from "@/lib/formats/brat/brat-files";
import { writeConll } from "@/lib/formats/conll/write-conll";
import { pseudonymizeReviewer } from "@/lib/export/pseudonym";
import { readAnnotationData } from "@/lib/annotations/schema";
import { ConflictError } from "@/lib/auth/users";
import { readProjectSettings } from "@/lib/projects/settings";
import { labelSetOf } from "./label-set";
import { importedArgumentsOf } from "./review-payload";
import { argumentTargetsOf, type ArgumentTarget } from "./targets";

// brat and CoNLL/BIO exports of argument annotations (decision 013). `source` says whose:
// "reviewers" — every submitted review, one brat folder per reviewer (pseudonym, or email when an
// admin asks) — or "imported" — the annotations the items were imported with, in one folder named
// "imported", so that importing a brat corpus and exporting it gives the corpus back. Each folder is
// a complete brat collection (annotation.conf and visual.conf from the project's label set). Files
// are named by external id: the item's own text is <externalId>.txt/.ann, its other texts
// <externalId>.explanation, <externalId>.response-A.answer / .response-A.reasoning (A = the
// response's import label, as in every export). Offsets are code points (decision 011).

export type ArgumentExportSource = "reviewers" | "imported";

export type ArgumentExportDocument = ArgumentDocument & { annotator: string };

const PAGE = 200;

/** The file name stem of a target: the external id for the item's own text, a suffix for the others. */
export function fileStemOf(externalId: string, target: ArgumentTarget, responseLabels: ReadonlyMap<string, string>): string {
  if (target.key.startsWith("item.")) return externalId;
  if (target.key === "reference.explanation") return `${externalId}.explanation`;
  return `${externalId}.response-${responseLabels.get(target.responseId ?? "") ?? "X"}.${target.field === "content" ? "answer" : "reasoning"}`;
}

type ItemRow = { externalId: string; kind: string; input: unknown; reference: unknown; responses: Array<{ id: string; label: string; content: string; reasoning: string | null }> };

function documentsOf(item: ItemRow, annotator: string, annotations: Record<string, ArgumentAnnotation>): ArgumentExportDocument[] {
  const labels = new Map(item.responses.map((r) => [r.id, r.label]));
  return argumentTargetsOf(item, item.responses)
    .filter((t) => annotations[t.key])
    .map((t) => ({ annotator, externalId: fileStemOf(item.externalId, t, labels), text: t.text, annotation: annotations[t.key] }));
}

const itemSelect = { externalId: true, kind: true, input: true, reference: true, responses: { select: { id: true, label: true, content: true, reasoning: true }, orderBy: { position: "asc" as const } } };

/** Every annotated text of the project from `source`, sorted by file name and annotator. */
export async function collectArgumentDocuments(projectId: string, opts: { source: ArgumentExportSource; batchName?: string; identifyReviewers?: boolean }): Promise<ArgumentExportDocument[]> {
  const db = getDb();
  const out: ArgumentExportDocument[] = [];
  if (opts.source === "imported") {
    for (let after: string | undefined; ; ) {
      const items = await db.item.findMany({ where: { projectId, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, take: PAGE, select: { id: true, ...itemSelect } });
      for (const item of items) out.push(...documentsOf(item, "imported", importedArgumentsOf(item.reference)));
      if (items.length < PAGE) break;
      after = items[items.length - 1].id;
    }
  } else {
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { pseudonymSalt: true } });
    const batch = { projectId, ...(opts.batchName !== undefined ? { name: opts.batchName } : {}) };
    for (let after: string | undefined; ; ) {
      const rows = await db.annotation.findMany({
        where: { kind: "REVIEW", submittedAt: { not: null }, assignment: { batch }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: PAGE,
        select: { id: true, data: true, assignment: { select: { reviewerId: true, reviewer: { select: { email: true } }, item: { select: itemSelect } } } },
      });
      for (const row of rows) {
        const args = readAnnotationData(row.data).arguments ?? {};
        if (!row.assignment || !Object.keys(args).length) continue;
        const who = opts.identifyReviewers ? row.assignment.reviewer.email : pseudonymizeReviewer(project.pseudonymSalt, row.assignment.reviewerId);
        out.push(...documentsOf(row.assignment.item, who, args));
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
  }
  return out.sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : a.annotator.localeCompare(b.annotator)));
}

/** The brat files, one folder per annotator, each with its annotation.conf and visual.conf. Throws a ConflictError naming ids that cannot be file names. */
export function bratFilesOf(documents: readonly ArgumentExportDocument[], labelSet: LabelSet): BratFile[] {
  const bad = [...new Set(documents.map((d) => checkBratFileName(d.externalId)).filter((why): why is string => Boolean(why)))];
  if (bad.length) throw new ConflictError(`Cannot name the brat files: ${bad.slice(0, 5).join("; ")}${bad.length > 5 ? ` (and ${bad.length - 5} more)` : ""}. Rename those items' external ids, or export JSONL.`);
  const byAnnotator = new Map<string, ArgumentExportDocument[]>();
  for (const doc of documents) byAnnotator.set(doc.annotator, [...(byAnnotator.get(doc.annotator) ?? []), doc]);
  const folder = (annotator: string) => annotator.replace(/[/\\:*?"<>|\p{Cc}]/gu, "_");
  return [...byAnnotator].flatMap(([annotator, docs]) => writeBratFiles(docs, labelSet).map((f) => ({ name: `${folder(annotator)}/${f.name}`, content: f.content })));
}

/** The BIO file: per document a `-DOCSTART-<TAB><annotator>/<file stem>` line, its tokens, a blank line. */
export function conllOf(documents: readonly ArgumentExportDocument[], opts: { foldMajorClaim?: boolean } = {}): string {
  return documents
    .map((doc) => ({ doc, body: writeConll([doc], { foldMajorClaim: opts.foldMajorClaim }) }))
    .filter((d) => d.body)
    .map(({ doc, body }) => `-DOCSTART-\t${doc.annotator}/${doc.externalId}\n${body}`)
    .join("\n");
}

export function zipFiles(files: readonly BratFile[]): Uint8Array {
  // A fixed time keeps the archive the same for the same annotations.
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [strToU8(f.content), { mtime: new Date("2026-01-01T00:00:00Z") }]])), { level: 6 });
}

export type ArgumentExportFormat = "brat" | "conll";

/**
 * The one argument export path (route handler, CLI): audits, collects and writes. brat is a list of
 * files (the CLI writes a folder or a zip, the API a zip); CoNLL is one text file.
 */
export async function runArgumentExport(opts: {
  actorId: string;
  projectId: string;
  format: ArgumentExportFormat;
  source: ArgumentExportSource;
  batchName?: string;
  identifyReviewers?: boolean;
  foldMajorClaim?: boolean;
}): Promise<{ files: BratFile[]; documents: number } | { conll: string; documents: number }> {
  const project = await getDb().project.findUniqueOrThrow({ where: { id: opts.projectId }, select: { settings: true } });
  const labelSet = labelSetOf(readProjectSettings(project.settings));
  const documents = await collectArgumentDocuments(opts.projectId, opts);
  const result = opts.format === "brat" ? { files: bratFilesOf(documents, labelSet), documents: documents.length } : { conll: conllOf(documents, opts), documents: documents.length };
  await recordAudit({
    actorId: opts.actorId,
    action: "export.download",
    entityType: "Project",
    entityId: opts.projectId,
    projectId: opts.projectId,
    data: { format: opts.format, source: opts.source, batch: opts.batchName ?? null, identifyReviewers: Boolean(opts.identifyReviewers), documents: documents.length },
  });
  return result;
}
