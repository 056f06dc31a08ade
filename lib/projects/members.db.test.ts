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
  it("adds a member by email (or changes their role), refusing unknown and ill-fitting accounts", async () => {
    const study = await seedStudy({ items: 1 });
    const admin = asActor(study.admin);
    const res = await seedUser({ role: "RESEARCHER", email: "Res.Two@X.org" });
    expect(await addMemberByEmail(admin, study.project.id, " res.two@x.org ", "RESEARCHER")).toEqual({ email: res.email, role: "RESEARCHER", change: "added" });
    expect(await addMemberByEmail(admin, study.project.id, res.email, "OWNER")).toEqual({ email: res.email, role: "OWNER", change: "role_changed" });
    expect(await addMemberByEmail(admin, study.project.id, res.email, "OWNER")).toMatchObject({ change: "unchanged" });
    expect(await getDb().auditEvent.count({ where: { action: "project.member_add", projectId: study.project.id } })).toBe(2);

    await expect(addMemberByEmail(admin, study.project.id, "nobody@x.org", "RESEARCHER")).rejects.toThrow(new NotFoundError("No user with email nobody@x.org."));
    await expect(addMemberByEmail(admin, study.project.id, study.reviewers[0].email, "RESEARCHER")).rejects.toThrow(/is a reviewer account: the researcher role needs a researcher or admin account/);
    await expect(addMemberByEmail(admin, study.project.id, res.email, "REVIEWER")).rejects.toThrow(/is a researcher account: the reviewer role needs a reviewer or admin account/);
    await expect(addMemberByEmail(admin, study.project.id, study.reviewers[0].email, "RESEARCHER")).rejects.toThrow(ConflictError);
    await expect(addMemberByEmail(asActor(study.researcher), study.project.id, res.email, "RESEARCHER")).rejects.toThrow("You do not have permission to do that.");
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
