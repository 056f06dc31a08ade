import { getDb, type Db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError } from "@/lib/auth/users";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/projects/access";
import { segmentSteps, validateSteps, type StepRange } from "./segment";

// Segmentations of responses into steps, versioned (issue 8, decision 012). The first version is made
// when a response is first reviewed or labelled: Response.steps when the import gave valid ones, else
// the automatic rules. An admin may merge or split steps; once any reviewer has labelled the current
// version, an edit adds a new version instead of rewriting it, so old labels keep the segmentation
// they were made on (never silently remapped).

export type Segmentation = { responseId: string; version: number; steps: StepRange[]; source: "imported" | "automatic" | "edited" };

type ResponseText = { id: string; content: string; reasoning: string | null; steps: unknown };

/** The text a response's steps are ranges of: its reasoning trace, or its content when it has none. */
export function stepSourceText(r: { content: string; reasoning: string | null }): string {
  return r.reasoning && r.reasoning.trim() ? r.reasoning : r.content;
}

function firstSegmentation(r: ResponseText): Omit<Segmentation, "responseId" | "version"> {
  const text = stepSourceText(r);
  const imported = Array.isArray(r.steps) ? (r.steps as StepRange[]) : null;
  if (imported && imported.length && !validateSteps(text, imported).length) return { steps: imported, source: "imported" };
  return { steps: segmentSteps(text), source: "automatic" };
}

function asSegmentation(row: { responseId: string; version: number; steps: unknown; source: string }): Segmentation {
  return { responseId: row.responseId, version: row.version, steps: row.steps as StepRange[], source: row.source as Segmentation["source"] };
}

/**
 * The current (latest) segmentation of each response, creating version 1 for those that have none.
 * Idempotent under concurrency: a racing creation of the same version is skipped (unique key).
 */
export async function ensureSegmentations(responses: ResponseText[], db: Db | Tx = getDb()): Promise<Map<string, Segmentation>> {
  const ids = responses.map((r) => r.id);
  if (!ids.length) return new Map();
  const existing = await latestSegmentations(ids, db);
  const missing = responses.filter((r) => !existing.has(r.id));
  if (missing.length) {
    await db.stepSegmentation.createMany({
      data: missing.map((r) => ({ responseId: r.id, version: 1, ...firstSegmentation(r), steps: firstSegmentation(r).steps as object[] })),
      skipDuplicates: true,
    });
    for (const [id, s] of await latestSegmentations(missing.map((r) => r.id), db)) existing.set(id, s);
  }
  return existing;
}

/** The latest version of each listed response's segmentation (responses without one are absent). */
export async function latestSegmentations(responseIds: string[], db: Db | Tx = getDb()): Promise<Map<string, Segmentation>> {
  const rows = await db.stepSegmentation.findMany({
    where: { responseId: { in: responseIds } },
    orderBy: [{ responseId: "asc" }, { version: "desc" }],
    distinct: ["responseId"],
    select: { responseId: true, version: true, steps: true, source: true },
  });
  return new Map(rows.map((r) => [r.responseId, asSegmentation(r)]));
}

/** Given (response, version) pairs, their segmentations (exports read the version each label names). */
export async function segmentationVersions(pairs: Array<{ responseId: string; version: number }>, db: Db = getDb()): Promise<Map<string, Segmentation>> {
  if (!pairs.length) return new Map();
  const rows = await db.stepSegmentation.findMany({
    where: { OR: pairs.map((p) => ({ responseId: p.responseId, version: p.version })) },
    select: { responseId: true, version: true, steps: true, source: true },
  });
  return new Map(rows.map((r) => [`${r.responseId}@${r.version}`, asSegmentation(r)]));
}

/** Whether any reviewer's document holds labels on this version of the response's segmentation. */
async function isLabelled(db: Tx, responseId: string, version: number): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "Annotation" a
    JOIN "Response" r ON r."itemId" = a."itemId" AND r.id = ${responseId}
    WHERE (a.data->'steps'->${responseId}->>'segmentationVersion')::int = ${version}`;
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * An admin replaces a response's segmentation (after merging or splitting steps). The steps are
 * validated against the text; before any labels exist the current version is rewritten, afterwards a
 * new version is added and the old one (with its labels) kept. Audited.
 */
export async function editSegmentation(actor: Actor, projectId: string, responseId: string, steps: StepRange[]): Promise<Segmentation> {
  await requireProjectPermission(actor, projectId, "project:manage");
  const db = getDb();
  const response = await db.response.findUnique({ where: { id: responseId }, select: { id: true, content: true, reasoning: true, steps: true, item: { select: { projectId: true } } } });
  // Ownership where the data is loaded: a response of another project is "not found".
  if (!response || response.item.projectId !== projectId) throw new NotFoundError("Response not found.");
  const problems = validateSteps(stepSourceText(response), steps);
  if (problems.length) throw new ConflictError(problems.map((p) => p.message).join(" "));
  return db.$transaction(async (tx) => {
    const current = (await ensureSegmentations([response], tx)).get(responseId)!;
    const labelled = await isLabelled(tx, responseId, current.version);
    const version = labelled ? current.version + 1 : current.version;
    if (labelled) await tx.stepSegmentation.create({ data: { responseId, version, steps: steps as object[], source: "edited", createdById: actor.id } });
    else await tx.stepSegmentation.update({ where: { responseId_version: { responseId, version } }, data: { steps: steps as object[], source: "edited", createdById: actor.id } });
    await recordAudit(
      { actorId: actor.id, action: "steps.segment", entityType: "Response", entityId: responseId, projectId: response.item.projectId, data: { version, steps: steps.length, newVersion: labelled } },
      tx,
    );
    return { responseId, version, steps, source: "edited" as const };
  });
}
