import { getDb } from "@/lib/db/client";
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
