import { describeChange, diffRubrics } from "./rubric-diff";
import { assertProjectOpen } from "@/lib/projects/archive";
import { getDb, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/auth/users";
import { NotFoundError } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/projects/access";
import { axisRows } from "./create-rubric";
import { axisToDocument, RUBRIC_FORMAT, rubricDocumentSchema, sameRubric, type RubricDocument } from "./rubric-document";

// Rubric versions (issue 10, docs/decisions/023-rubric-versions.md). The newest version is what new
// batches use. A version that no assignment uses yet is edited in place; once a batch uses it, it is
// never changed again: saving makes the next version, and the assignments already made keep theirs,
// so every annotation is read against the exact axes its reviewer saw.

export type RubricVersionInfo = {
  version: number;
  /** Assignments made under this version (then saving creates a new one). */
  assignments: number;
  /** Versions before this one, newest first, with how many assignments use each and what changed from the version before it. */
  earlier: Array<{ version: number; name: string; axes: number; assignments: number; createdAt: Date; changes: string[] }>;
  /** What the newest version changed from the one before (empty for version 1). */
  changes: string[];
  document: RubricDocument;
};

async function latestRubric(db: Tx | ReturnType<typeof getDb>, projectId: string) {
  const rubric = await db.rubric.findFirst({ where: { projectId }, orderBy: { version: "desc" }, include: { axes: { orderBy: { position: "asc" } } } });
  if (!rubric) throw new NotFoundError("The project has no rubric.");
  return rubric;
}

/** A stored rubric version as a shareable document. */
export async function loadRubricDocument(actor: Actor, projectId: string, version?: number): Promise<{ version: number; document: RubricDocument }> {
  await requireProjectPermission(actor, projectId, "project:read");
  const db = getDb();
  const rubric = version === undefined ? await latestRubric(db, projectId) : await db.rubric.findUnique({ where: { projectId_version: { projectId, version } }, include: { axes: { orderBy: { position: "asc" } } } });
  if (!rubric) throw new NotFoundError(`The project has no rubric version ${version}.`);
  return { version: rubric.version, document: { format: RUBRIC_FORMAT, name: rubric.name, template: rubric.templateKey, axes: rubric.axes.map(axisToDocument) } };
}

/** What the editor opens with: the newest version, whether it is in use, and the earlier versions. */
export async function loadRubricEditor(actor: Actor, projectId: string): Promise<RubricVersionInfo> {
  await requireProjectPermission(actor, projectId, "project:manage");
  const db = getDb();
  // A project has a handful of versions: all of them, with their axes, to say what each changed.
  const versions = await db.rubric.findMany({
    where: { projectId },
    orderBy: { version: "desc" },
    include: { axes: { orderBy: { position: "asc" } }, _count: { select: { assignments: true } } },
  });
  if (!versions.length) throw new NotFoundError("The project has no rubric.");
  const documents = versions.map((v): RubricDocument => ({ format: RUBRIC_FORMAT, name: v.name, template: v.templateKey, axes: v.axes.map(axisToDocument) }));
  const changesOf = (i: number) => (i + 1 < versions.length ? diffRubrics(documents[i + 1], documents[i]).map(describeChange) : []);
  return {
    version: versions[0].version,
    assignments: versions[0]._count.assignments,
    earlier: versions.slice(1).map((v, i) => ({ version: v.version, name: v.name, axes: v.axes.length, assignments: v._count.assignments, createdAt: v.createdAt, changes: changesOf(i + 1) })),
    changes: changesOf(0),
    document: documents[0],
  };
}

export type SaveRubricResult = { version: number; change: "edited" | "new_version" | "unchanged" };

/**
 * Saves the editor's (or an imported) document against the version it was opened on. A newer
 * version saved meanwhile is a conflict, never overwritten. The project row is locked so a batch
 * built at the same moment either sees the old version in use (and this creates a new one) or is
 * built after, on whichever version this leaves newest.
 */
export async function saveRubric(actor: Actor, projectId: string, input: unknown, baseVersion: number): Promise<SaveRubricResult> {
  await requireProjectPermission(actor, projectId, "project:manage");
  const doc = rubricDocumentSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
    await assertProjectOpen(tx, projectId);
    const current = await latestRubric(tx, projectId);
    if (current.version !== baseVersion) {
      throw new ConflictError(`The rubric changed since you opened it: version ${current.version} was saved meanwhile. Reload to see it; nothing was saved.`);
    }
    const currentDoc: RubricDocument = { format: RUBRIC_FORMAT, name: current.name, template: current.templateKey, axes: current.axes.map(axisToDocument) };
    if (sameRubric(doc, currentDoc)) return { version: current.version, change: "unchanged" as const };
    const inUse = (await tx.assignment.count({ where: { rubricId: current.id } })) > 0;
    const axes = axisRows(doc.axes);
    let version = current.version;
    if (inUse) {
      version = current.version + 1;
      await tx.rubric.create({ data: { projectId, version, name: doc.name, templateKey: doc.template, axes: { create: axes } } });
    } else {
      await tx.rubricAxis.deleteMany({ where: { rubricId: current.id } });
      await tx.rubric.update({ where: { id: current.id }, data: { name: doc.name, templateKey: doc.template, axes: { create: axes } } });
    }
    await recordAudit(
      { actorId: actor.id, action: "rubric.save", entityType: "Rubric", entityId: current.id, projectId, data: { from: current.version, version, newVersion: inUse, axes: doc.axes.map((a) => a.key) } },
      tx,
    );
    return { version, change: inUse ? ("new_version" as const) : ("edited" as const) };
  });
}
