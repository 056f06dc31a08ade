import { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireProjectPermission } from "@/lib/projects/access";
import { assertProjectOpen } from "@/lib/projects/archive";
import { qualificationPolicyOf, qualificationPolicySchema } from "./policy";

export const qualificationSettingsSchema = qualificationPolicySchema.extend({ required: z.boolean() });
export type QualificationSettingsInput = z.input<typeof qualificationSettingsSchema>;

/**
 * Sets whether the project requires qualification, and the policy's numbers, in one audited change.
 * Requiring it closes the real batches to every member who has not passed (their drafts are kept);
 * it never revokes a pass already recorded.
 */
export async function updateQualificationPolicy(actor: Actor, projectId: string, input: QualificationSettingsInput) {
  await requireProjectPermission(actor, projectId, "project:manage");
  const { required, ...policy } = qualificationSettingsSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    await assertProjectOpen(tx, projectId);
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true, requiresQualification: true } });
    const settings = { ...((before.settings as object | null) ?? {}), qualification: policy };
    await tx.project.update({ where: { id: projectId }, data: { requiresQualification: required, settings } });
    await recordAudit(
      { actorId: actor.id, action: "project.qualification", entityType: "Project", entityId: projectId, projectId, data: { before: { required: before.requiresQualification, ...qualificationPolicyOf(before.settings) }, after: { required, ...policy } } },
      tx,
    );
  });
}
