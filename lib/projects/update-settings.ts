import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError } from "@/lib/auth/users";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requireProjectPermission } from "./access";
import { assertProjectOpen } from "./archive";
import { projectSettingsSchema, readProjectSettings, type ProjectSettings } from "./settings";

/**
 * Changes a project's review options. They shape what reviewers see from their next page load on;
 * ratings already given are not touched. The previous and new values are audited.
 */
export async function updateProjectSettings(actor: Actor, projectId: string, input: ProjectSettings) {
  await requireProjectPermission(actor, projectId, "project:manage");
  const settings = projectSettingsSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    await assertProjectOpen(tx, projectId);
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
    const judge = settings.suggestions?.judge;
    if (judge && !(await tx.judgeResult.findFirst({ where: { projectId, judge }, select: { id: true } }))) {
      throw new ConflictError(`No values of judge "${judge}" are imported in this project: import its results first (Judge results), or leave the judge empty.`);
    }
    await refuseOrphanedRegionLabels(tx, projectId, readProjectSettings(before.settings), settings);
    // Keep keys other features store in the same JSON column, and the step taxonomy (edited elsewhere).
    const previous = readProjectSettings(before.settings);
    const steps = { ...settings.steps, ...(settings.steps.taxonomy ?? previous.steps.taxonomy ? { taxonomy: settings.steps.taxonomy ?? previous.steps.taxonomy } : {}) };
    // The argument label set is edited with imports (lib/tools/arguments): a form that only switches the tool keeps it.
    const args = settings.arguments || previous.arguments ? { arguments: { ...previous.arguments, ...settings.arguments, enabled: settings.arguments?.enabled ?? previous.arguments?.enabled ?? false } } : {};
    const merged = { ...((before.settings as object | null) ?? {}), ...settings, steps, ...args };
    const project = await tx.project.update({ where: { id: projectId }, data: { settings: merged } });
    await recordAudit(
      { actorId: actor.id, action: "project.settings", entityType: "Project", entityId: projectId, projectId, data: { before: readProjectSettings(before.settings), after: settings } },
      tx,
    );
    return project;
  });
}

/**
 * A region label that reviewers' regions already carry may not be removed: their documents would no
 * longer save (the label is checked against the set), and exports would name a label the project no
 * longer has. Renaming keeps the key only when the name gives the same key, so it is refused too.
 */
async function refuseOrphanedRegionLabels(tx: Prisma.TransactionClient, projectId: string, before: ProjectSettings, after: ProjectSettings) {
  const kept = new Set((after.regions?.labels ?? []).map((l) => l.key));
  const removed = (before.regions?.labels ?? []).map((l) => l.key).filter((k) => !kept.has(k));
  if (!removed.length) return;
  const used = await tx.$queryRaw<Array<{ label: string }>>`
    SELECT DISTINCT x.label FROM "Annotation" a JOIN "Item" i ON i.id = a."itemId",
           jsonb_to_recordset(CASE WHEN jsonb_typeof(a.data->'regions'->'shapes') = 'array' THEN a.data->'regions'->'shapes' ELSE '[]'::jsonb END) AS x(label text)
    WHERE i."projectId" = ${projectId} AND x.label = ANY(${removed}::text[])`;
  if (used.length) throw new ConflictError(`Reviewers' regions use the label${used.length === 1 ? "" : "s"} ${used.map((u) => `"${u.label}"`).join(", ")}: keep ${used.length === 1 ? "it" : "them"} in the region labels.`);
}
