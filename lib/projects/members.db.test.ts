import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError } from "@/lib/auth/users";
import { NotFoundError } from "@/lib/auth/permissions";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { addMemberByEmail, removeMemberByEmail } from "./members";

describe("project members", () => {
  it("adds a member by email with any project role (or changes it), refusing unknown and deactivated accounts", async () => {
    const study = await seedStudy({ items: 1 });
    const admin = asActor(study.admin);
    const res = await seedUser({ role: "RESEARCHER", email: "Res.Two@X.org" });
    expect(await addMemberByEmail(admin, study.project.id, " res.two@x.org ", "ANALYST")).toEqual({ email: res.email, role: "ANALYST", change: "added" });
    expect(await addMemberByEmail(admin, study.project.id, res.email, "MANAGER")).toEqual({ email: res.email, role: "MANAGER", change: "role_changed" });
    expect(await addMemberByEmail(admin, study.project.id, res.email, "MANAGER")).toMatchObject({ change: "unchanged" });
    expect(await getDb().auditEvent.count({ where: { action: "project.member_add", projectId: study.project.id } })).toBe(2);
    // Project roles do not depend on the site role: a reviewer account adjudicates here.
    expect(await addMemberByEmail(admin, study.project.id, study.reviewers[0].email, "ADJUDICATOR")).toMatchObject({ role: "ADJUDICATOR", change: "role_changed" });

    await expect(addMemberByEmail(admin, study.project.id, "nobody@x.org", "ANALYST")).rejects.toThrow(new NotFoundError("No user with email nobody@x.org."));
    const gone = await seedUser({ role: "REVIEWER" });
    await getDb().user.update({ where: { id: gone.id }, data: { isActive: false } });
    await expect(addMemberByEmail(admin, study.project.id, gone.email, "REVIEWER")).rejects.toThrow(ConflictError);
  });

  it("a project's manager manages its members without being a site admin; an analyst cannot, and a manager elsewhere does not see the project", async () => {
    const study = await seedStudy({ items: 1 });
    const lead = await seedUser({ role: "RESEARCHER" });
    await addMemberByEmail(asActor(study.admin), study.project.id, lead.email, "MANAGER");
    const newcomer = await seedUser({ role: "REVIEWER" });
    expect(await addMemberByEmail(asActor(lead), study.project.id, newcomer.email, "REVIEWER")).toMatchObject({ change: "added" });
    await expect(addMemberByEmail(asActor(study.researcher), study.project.id, newcomer.email, "MANAGER")).rejects.toThrow("You do not have permission to do that.");
    const otherLead = await seedUser({ role: "RESEARCHER" });
    const other = await seedStudy({ items: 1 });
    await addMemberByEmail(asActor(other.admin), other.project.id, otherLead.email, "MANAGER");
    await expect(addMemberByEmail(asActor(otherLead), study.project.id, newcomer.email, "MANAGER")).rejects.toThrow(NotFoundError);
    await expect(removeMemberByEmail(asActor(otherLead), study.project.id, newcomer.email)).rejects.toThrow(NotFoundError);
    expect(await removeMemberByEmail(asActor(lead), study.project.id, newcomer.email)).toMatchObject({ email: newcomer.email });
  });

  it("removes a member; a reviewer with open assignments is refused with what would happen, and their finished work stays", async () => {
    const study = await seedStudy({ items: 2 });
    const admin = asActor(study.admin);
    const [reviewer] = study.reviewers;
    await expect(removeMemberByEmail(admin, study.project.id, "nobody@x.org")).rejects.toThrow(NotFoundError);
    await expect(removeMemberByEmail(admin, study.project.id, study.outsider.email)).rejects.toThrow(`${study.outsider.email} is not a member of this project.`);

    const mine = study.assignments.filter((a) => a.reviewerId === reviewer.id);
    expect(mine).toHaveLength(2);
    await expect(removeMemberByEmail(admin, study.project.id, reviewer.email)).rejects.toThrow(
      `${reviewer.email} has 2 open assignments in this project (2 pending). Reviewers reach their items through assignments, not membership, so removing them would not take those items away: let them submit or skip them first. Nothing was changed.`,
    );
    await saveAnnotation(asActor(reviewer), mine[0].id, { baseVersion: 0, clientMutationId: "remove-member-1", data: completeRatings(mine[0].responseOrder), submit: true });
    await expect(removeMemberByEmail(admin, study.project.id, reviewer.email)).rejects.toThrow(/has 1 open assignment in this project \(1 pending\)/);
    await skipAssignment(asActor(reviewer), mine[1].id, { reason: "Conflict of interest" });

    expect(await removeMemberByEmail(admin, study.project.id, reviewer.email)).toEqual({ email: reviewer.email, submitted: 1, skipped: 1 });
    expect(await getDb().projectMember.count({ where: { projectId: study.project.id, userId: reviewer.id } })).toBe(0);
    expect(await getDb().annotation.count({ where: { authorId: reviewer.id } })).toBe(1);
    expect(await getDb().auditEvent.count({ where: { action: "project.member_remove", projectId: study.project.id } })).toBe(1);
    // The researcher, with no assignments, goes at once.
    expect(await removeMemberByEmail(admin, study.project.id, study.researcher.email)).toEqual({ email: study.researcher.email, submitted: 0, skipped: 0 });
  });
});
