import type { MemberRole } from "./member-roles";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/projects/access";
import { ConflictError, findUserByEmail } from "@/lib/auth/users";

// Project membership by email: the one write path for the project page's member form and the
// CLI's add-member / remove-member. A member's project role decides what they may do in the
// project (lib/auth/permissions.ts PROJECT_PERMISSIONS), whatever their site role: the same
// physician can review in one project and adjudicate in another. Reviewers also become members
// when a batch assigns them work.

export { MEMBER_ROLES, memberRoleSchema, type MemberRole } from "./member-roles";

async function findUserOrThrow(email: string) {
  const user = await findUserByEmail(email);
  if (!user) throw new NotFoundError(`No user with email ${email.trim()}.`);
  return user;
}

export type AddMemberResult = { email: string; role: MemberRole; change: "added" | "role_changed" | "unchanged" };

export async function addMemberByEmail(actor: Actor, projectId: string, email: string, role: MemberRole): Promise<AddMemberResult> {
  await requireProjectPermission(actor, projectId, "project:manage");
  const user = await findUserOrThrow(email);
  if (!user.isActive) throw new ConflictError(`${user.email} is deactivated: reactivate the account first.`);
  return getDb().$transaction(async (tx) => {
    const existing = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } });
    if (existing?.role === role) return { email: user.email, role, change: "unchanged" as const };
    const member = existing
      ? await tx.projectMember.update({ where: { id: existing.id }, data: { role } })
      : await tx.projectMember.create({ data: { projectId, userId: user.id, role } });
    await recordAudit(
      { actorId: actor.id, action: "project.member_add", entityType: "ProjectMember", entityId: member.id, projectId, data: { userId: user.id, role, previousRole: existing?.role ?? null } },
      tx,
    );
    return { email: user.email, role, change: existing ? ("role_changed" as const) : ("added" as const) };
  });
}

export type RemoveMemberResult = { email: string; submitted: number; skipped: number };

/**
 * Removes a membership. Refused while the user has open (pending or in-progress) assignments in
 * the project: reviewers reach items through assignments, so the removal would not stop their
 * work, and silently deleting assignments would lose drafts. Submitted and skipped work stays.
 */
export async function removeMemberByEmail(actor: Actor, projectId: string, email: string): Promise<RemoveMemberResult> {
  await requireProjectPermission(actor, projectId, "project:manage");
  const user = await findUserOrThrow(email);
  return getDb().$transaction(async (tx) => {
    const member = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } });
    if (!member) throw new NotFoundError(`${user.email} is not a member of this project.`);
    const counts = await tx.assignment.groupBy({ by: ["status"], where: { reviewerId: user.id, batch: { projectId } }, _count: { _all: true } });
    const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
    const [pending, inProgress] = [count("PENDING"), count("IN_PROGRESS")];
    if (pending + inProgress) {
      const open = pending + inProgress;
      const detail = [pending ? `${pending} pending` : "", inProgress ? `${inProgress} in progress` : ""].filter(Boolean).join(", ");
      throw new ConflictError(
        `${user.email} has ${open} open assignment${open === 1 ? "" : "s"} in this project (${detail}). Reviewers reach their items through assignments, not membership, ` +
          "so removing them would not take those items away: let them submit or skip them first. Nothing was changed.",
      );
    }
    await tx.projectMember.delete({ where: { id: member.id } });
    await recordAudit({ actorId: actor.id, action: "project.member_remove", entityType: "ProjectMember", entityId: member.id, projectId, data: { userId: user.id, role: member.role } }, tx);
    return { email: user.email, submitted: count("SUBMITTED"), skipped: count("SKIPPED") };
  });
}
