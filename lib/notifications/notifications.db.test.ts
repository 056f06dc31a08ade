import { describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { getDb } from "@/lib/db/client";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { listNotifications, markNotificationsRead, unreadNotificationCount } from "./notifications";

describe("in-app notifications", () => {
  it("tell reviewers of a new batch once, and of work due soon and overdue once each", async () => {
    const study = await seedStudy({ items: 2 });
    const [r1] = study.reviewers;
    const mine = await listNotifications(r1.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "batch_assigned", href: "/queue", data: { batchName: "B1", count: 2 } });

    const now = new Date();
    await getDb().batch.update({ where: { id: study.batch.id }, data: { dueAt: new Date(now.getTime() + 24 * 3_600_000) } });
    expect(await unreadNotificationCount(r1.id)).toBe(2);
    expect(await unreadNotificationCount(r1.id)).toBe(2);
    await getDb().batch.update({ where: { id: study.batch.id }, data: { dueAt: new Date(now.getTime() - 3_600_000) } });
    const kinds = (await listNotifications(r1.id)).map((n) => n.kind);
    expect(kinds.sort()).toEqual(["batch_assigned", "batch_due_soon", "batch_overdue"]);

    // Read: one, then all; another user's notices are untouched.
    const [first] = await listNotifications(r1.id);
    await markNotificationsRead(r1.id, [first.id]);
    expect(await unreadNotificationCount(r1.id)).toBe(2);
    expect(await markNotificationsRead(study.reviewers[1].id, [first.id])).toBe(0);
    await markNotificationsRead(r1.id);
    expect(await unreadNotificationCount(r1.id)).toBe(0);
  });

  it("tell the batch's creator and the project's managers when the last work is submitted", async () => {
    const study = await seedStudy({ items: 1 });
    expect(await listNotifications(study.admin.id)).toEqual([]);
    for (const a of study.assignments) {
      const reviewer = study.reviewers.find((r) => r.id === a.reviewerId)!;
      await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `n-${a.id}`, data: { ...emptyAnnotationData(), ...completeRatings(a.responseOrder) }, submit: true });
    }
    const notices = await listNotifications(study.admin.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "batch_completed", data: { batchName: "B1", submitted: study.assignments.length, skipped: 0 }, href: `/projects/${study.project.slug}/batches/${study.batch.id}` });
    // The researcher (analyst) is not a manager: nothing for them; reviewers have only their batch notice.
    expect(await listNotifications(study.researcher.id)).toEqual([]);
    expect((await listNotifications(study.reviewers[0].id)).map((n) => n.kind)).toEqual(["batch_assigned"]);
  });
});
