import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// Proves the hand-written migrations match schema.prisma: every model is written with every
// field set and read back unchanged through the generated client.
describe("migrated database matches schema.prisma", () => {
  it("round-trips every model and field", async () => {
    const db = getDb();
    const t = new Date("2026-01-02T03:04:05.678Z");
    const user = await db.user.create({
      data: { id: "u1", email: "a@b.org", name: "A", role: "ADMIN", specialty: "Cardiology", passwordHash: "h", isActive: false, sessionVersion: 3, lastLoginAt: t, createdAt: t, locale: "ar", ssoSubject: "https://idp|42" },
      omit: { passwordHash: false },
    });
    expect(user).toMatchObject({ email: "a@b.org", role: "ADMIN", specialty: "Cardiology", passwordHash: "h", isActive: false, sessionVersion: 3, lastLoginAt: t, createdAt: t, locale: "ar", ssoSubject: "https://idp|42" });

    await db.loginAttempt.create({ data: { id: "l1", email: "a@b.org", ip: "127.0.0.1", succeeded: true, attemptedAt: t } });
    const project = await db.project.create({
      data: { id: "p1", name: "P", slug: "p", guidelines: "g", status: "DRAFT", reviewersPerItem: 3, blinded: false, randomizeOrder: false, settings: { tools: ["rating"] }, pseudonymSalt: "s", createdById: "u1", createdAt: t },
    });
    expect(project).toMatchObject({ status: "DRAFT", reviewersPerItem: 3, blinded: false, randomizeOrder: false, settings: { tools: ["rating"] } });
    await db.projectMember.create({ data: { id: "m1", projectId: "p1", userId: "u1", role: "MANAGER", createdAt: t } });
    await db.rubric.create({ data: { id: "rb1", projectId: "p1", version: 2, name: "R", templateKey: "k", frozenAt: t, createdAt: t } });
    const axis = await db.rubricAxis.create({
      data: { id: "ax1", rubricId: "rb1", key: "quality", label: "Q", help: "h", type: "SCALE", appliesTo: "PAIR", required: false, position: 0, options: [{ value: "1", label: "one" }], min: 1, max: 5, polarity: "CHOSEN_IS_WORSE", allowsNotApplicable: true, bestValue: "5", optionsFrom: "note_sentences" },
    });
    expect(axis).toMatchObject({ type: "SCALE", appliesTo: "PAIR", polarity: "CHOSEN_IS_WORSE", allowsNotApplicable: true, bestValue: "5", optionsFrom: "note_sentences", min: 1, max: 5, options: [{ value: "1", label: "one" }] });
    const item = await db.item.create({
      data: { id: "i1", projectId: "p1", externalId: "x", kind: "MCQ", language: "es", specialty: "s", input: { q: 1 }, reference: { a: "b" }, metadata: { m: true }, analysis: { variant: "v" }, variantOf: "orig", isGold: true, createdAt: t },
    });
    expect(item).toMatchObject({ kind: "MCQ", language: "es", input: { q: 1 }, reference: { a: "b" }, metadata: { m: true }, analysis: { variant: "v" }, variantOf: "orig", isGold: true });
    const response = await db.response.create({
      data: { id: "r1", itemId: "i1", position: 0, label: "A", modelName: "m", content: "c", reasoning: "r", steps: [{ start: 0, end: 1 }], answer: { choice: "B" }, metadata: { k: 1 }, analysis: { costUsd: 0.5 } },
    });
    expect(response).toMatchObject({ reasoning: "r", steps: [{ start: 0, end: 1 }], answer: { choice: "B" }, analysis: { costUsd: 0.5 } });
    const criterion = await db.criterion.create({ data: { id: "c1", itemId: "i1", position: 0, text: "t", points: -7, tags: ["axis:accuracy"] } });
    expect(criterion.tags).toEqual(["axis:accuracy"]);
    await db.batch.create({ data: { id: "b1", projectId: "p1", name: "B", dueAt: t, opensAt: t, showsEarlierRound: true, createdById: "u1", createdAt: t } });
    await db.batchItem.create({ data: { batchId: "b1", itemId: "i1" } });
    const assignment = await db.assignment.create({
      data: { id: "as1", batchId: "b1", itemId: "i1", reviewerId: "u1", rubricId: "rb1", status: "SUBMITTED", displayOrder: 4, responseOrder: ["r1"], timeOnTaskMs: 5, skipReason: null, lastSeenAt: t, startedAt: t, submittedAt: t, createdAt: t },
    });
    expect(assignment).toMatchObject({ status: "SUBMITTED", displayOrder: 4, responseOrder: ["r1"], timeOnTaskMs: 5, lastSeenAt: t, startedAt: t, submittedAt: t });
    await db.batch.create({ data: { id: "b2", projectId: "p1", name: "B (2)", createdById: "u1" } });
    await db.batchItem.create({ data: { batchId: "b2", itemId: "i1" } });
    const repeat = await db.assignment.create({ data: { id: "as2", batchId: "b2", itemId: "i1", reviewerId: "u1", rubricId: "rb1", displayOrder: 0, responseOrder: ["r1"], repeatOfId: "as1" } });
    expect(repeat.repeatOfId).toBe("as1");
    await db.batch.create({ data: { id: "b3", projectId: "p1", name: "B (assisted)", armDesign: "SEQUENTIAL", assist: { material: "reference", title: "Reference" }, createdById: "u1" } });
    await db.batchItem.create({ data: { batchId: "b3", itemId: "i1" } });
    const phase = await db.assignment.create({ data: { id: "as3", batchId: "b3", itemId: "i1", reviewerId: "u1", rubricId: "rb1", displayOrder: 0, responseOrder: ["r1"], arm: "ASSISTED", precededById: "as1" } });
    expect(phase).toMatchObject({ arm: "ASSISTED", precededById: "as1" });
    expect(await db.batch.findUniqueOrThrow({ where: { id: "b3" } })).toMatchObject({ armDesign: "SEQUENTIAL", assist: { material: "reference", title: "Reference" } });
    expect(await db.batch.findUniqueOrThrow({ where: { id: "b1" } })).toMatchObject({ opensAt: t, showsEarlierRound: true });
    const annotation = await db.annotation.create({ data: { id: "an1", kind: "REVIEW", itemId: "i1", assignmentId: "as1", authorId: "u1", data: { x: 1 }, version: 2, submittedAt: t, createdAt: t } });
    expect(annotation).toMatchObject({ kind: "REVIEW", version: 2, data: { x: 1 } });
    const consensus = await db.annotation.create({ data: { id: "an2", kind: "CONSENSUS", itemId: "i1", authorId: "u1", data: {} } });
    expect(consensus.assignmentId).toBeNull();
    await db.annotationRevision.create({ data: { id: "rv1", annotationId: "an1", version: 2, authorId: "u1", data: { x: 1 }, clientMutationId: "cm-12345678", isSubmit: true, createdAt: t } });
    await db.auditEvent.create({ data: { id: "e1", actorId: "u1", action: "a", entityType: "Item", entityId: "i1", projectId: "p1", data: { n: 1 }, createdAt: t } });
    const token = await db.apiToken.create({
      data: { id: "t1", userId: "u1", name: "n", tokenHash: "th", prefix: "csm_", scopes: ["export:read"], createdAt: t, lastUsedAt: t, expiresAt: new Date(t.getTime() + 1000), revokedAt: t },
      omit: { tokenHash: false },
    });
    expect(token).toMatchObject({ tokenHash: "th", scopes: ["export:read"], revokedAt: t });
    const expiresAt = new Date(t.getTime() + 86_400_000);
    const reset = await db.passwordReset.create({ data: { id: "pr1", userId: "u1", tokenHash: "rh", createdById: "u1", createdAt: t, expiresAt, usedAt: t } });
    expect(reset).toMatchObject({ userId: "u1", tokenHash: "rh", createdById: "u1", createdAt: t, expiresAt, usedAt: t });

    const judged = await db.judgeResult.create({
      data: { id: "j1", projectId: "p1", itemId: "i1", responseId: "r1", axisKey: null, criterionId: "c1", value: true, judge: "gpt", rationale: "why", importId: "imp", sourceLine: 3, createdAt: t },
    });
    expect(judged).toMatchObject({ criterionId: "c1", axisKey: null, value: true, judge: "gpt", rationale: "why", importId: "imp", sourceLine: 3, createdAt: t });
    const hook = await db.webhook.create({ data: { id: "w1", projectId: "p1", url: "https://h.example/x", secret: "whsec_x", events: ["batch.completed"], isActive: false, createdAt: t } });
    expect(hook).toMatchObject({ url: "https://h.example/x", secret: "whsec_x", events: ["batch.completed"], isActive: false, createdAt: t });
    const delivery = await db.webhookDelivery.create({
      data: { id: "wd1", webhookId: "w1", event: "batch.completed", payload: { a: 1 }, status: "failed", attempts: 3, responseStatus: 500, error: "e", log: [{ status: 500 }], dedupeKey: "k", createdAt: t, deliveredAt: t },
    });
    expect(delivery).toMatchObject({ payload: { a: 1 }, status: "failed", attempts: 3, responseStatus: 500, error: "e", log: [{ status: 500 }], dedupeKey: "k", createdAt: t, deliveredAt: t });
    const notice = await db.notification.create({ data: { id: "n1", userId: "u1", kind: "batch_completed", data: { b: "B" }, href: "/x", dedupeKey: "d", readAt: t, createdAt: t } });
    expect(notice).toMatchObject({ kind: "batch_completed", data: { b: "B" }, href: "/x", dedupeKey: "d", readAt: t, createdAt: t });
    const everything = await db.project.findUniqueOrThrow({
      where: { id: "p1" },
      include: { members: true, rubrics: { include: { axes: true } }, items: { include: { responses: true, criteria: true, batchItems: true, assignments: { orderBy: { id: "asc" }, include: { annotation: { include: { revisions: true } } } } } }, batches: true, auditEvents: true },
    });
    expect(everything.items[0].assignments[0].annotation?.revisions[0]).toMatchObject({ clientMutationId: "cm-12345678", isSubmit: true });
  });

  it("enforces the invariants in the database", async () => {
    const db = getDb();
    const expectViolation = async (p: Promise<unknown>) => {
      await expect(p).rejects.toSatisfy((e) => e instanceof Prisma.PrismaClientKnownRequestError || e instanceof Prisma.PrismaClientUnknownRequestError || /constraint|violates/i.test(String(e)));
    };
    await db.user.create({ data: { id: "u1", email: "a@b.org", name: "A", role: "ADMIN", passwordHash: "h" } });
    await expectViolation(db.user.create({ data: { email: "A@B.org", name: "A", role: "ADMIN", passwordHash: "h" } })); // lower-case check
    await db.project.create({ data: { id: "p1", name: "P", slug: "p", pseudonymSalt: "s", createdById: "u1" } });
    await expectViolation(db.project.create({ data: { name: "P", slug: "Bad Slug", pseudonymSalt: "s", createdById: "u1" } }));
    await db.item.create({ data: { id: "i1", projectId: "p1", externalId: "x", kind: "QA", input: {} } });
    await expectViolation(db.item.create({ data: { projectId: "p1", externalId: "x", kind: "QA", input: {} } })); // unique (project, externalId)
    await expectViolation(db.criterion.create({ data: { itemId: "i1", position: 0, text: "t", points: 0 } })); // points ≠ 0
    await db.rubric.create({ data: { id: "rb1", projectId: "p1", name: "R" } });
    await db.batch.create({ data: { id: "b1", projectId: "p1", name: "B", createdById: "u1" } });
    // An assignment's item must be in its batch.
    await expectViolation(db.assignment.create({ data: { batchId: "b1", itemId: "i1", reviewerId: "u1", rubricId: "rb1", displayOrder: 0, responseOrder: [] } }));
    await db.batchItem.create({ data: { batchId: "b1", itemId: "i1" } });
    await db.assignment.create({ data: { id: "as1", batchId: "b1", itemId: "i1", reviewerId: "u1", rubricId: "rb1", displayOrder: 0, responseOrder: [] } });
    await expectViolation(db.assignment.create({ data: { batchId: "b1", itemId: "i1", reviewerId: "u1", rubricId: "rb1", displayOrder: 1, responseOrder: [] } })); // unique reviewer per item per batch
    await expectViolation(db.assignment.update({ where: { id: "as1" }, data: { status: "SUBMITTED" } })); // submitted needs submittedAt
    await expectViolation(db.assignment.update({ where: { id: "as1" }, data: { status: "SKIPPED" } })); // skipped needs a reason
    await expectViolation(db.assignment.update({ where: { id: "as1" }, data: { status: "SUBMITTED", submittedAt: new Date(), skipReason: "x" } })); // and only skipped work has one
    await expectViolation(db.rubricAxis.create({ data: { rubricId: "rb1", key: "k", label: "K", type: "CHOICE", position: 0, optionsFrom: "anything" } }));
    await expectViolation(db.annotation.create({ data: { kind: "REVIEW", itemId: "i1", authorId: "u1", data: {} } })); // review needs an assignment
    const later = new Date(Date.now() + 86_400_000);
    await expectViolation(db.apiToken.create({ data: { userId: "u1", name: "n", tokenHash: "t-a", prefix: "csm_", scopes: [], expiresAt: later } })); // a token has scopes
    await expectViolation(db.apiToken.create({ data: { userId: "u1", name: "n", tokenHash: "t-b", prefix: "csm_", scopes: ["export:read"], expiresAt: new Date(0) } })); // and expires after it was made
    await db.response.create({ data: { id: "r1", itemId: "i1", position: 0, label: "A", modelName: "m", content: "c" } });
    const judged = { projectId: "p1", itemId: "i1", responseId: "r1", value: 3, judge: "gpt", importId: "imp", sourceLine: 1 };
    await expectViolation(db.judgeResult.create({ data: judged })); // an axis or a criterion
    await db.judgeResult.create({ data: { ...judged, axisKey: "quality" } });
    await expectViolation(db.judgeResult.create({ data: { ...judged, axisKey: "quality" } })); // one value per judge, response and target
    await expectViolation(db.judgeResult.create({ data: { ...judged, axisKey: "other", judge: " " } })); // a judge has a name
    await db.passwordReset.create({ data: { userId: "u1", tokenHash: "r-a", expiresAt: later } });
    await expectViolation(db.passwordReset.create({ data: { userId: "u1", tokenHash: "r-a", expiresAt: later } })); // secrets are unique
    await expectViolation(db.user.update({ where: { id: "u1" }, data: { locale: "de" } })); // a shipped language
    await expectViolation(db.webhook.create({ data: { projectId: "p1", url: "https://x", secret: "s", events: [] } })); // at least one event
    await db.webhook.create({ data: { id: "w2", projectId: "p1", url: "https://x", secret: "s", events: ["export.ready"] } });
    await expectViolation(db.webhookDelivery.create({ data: { webhookId: "w2", event: "e", payload: {}, status: "lost" } })); // a known status
    await db.webhookDelivery.create({ data: { webhookId: "w2", event: "e", payload: {}, dedupeKey: "once" } });
    await expectViolation(db.webhookDelivery.create({ data: { webhookId: "w2", event: "e", payload: {}, dedupeKey: "once" } })); // once per key
    await db.notification.create({ data: { userId: "u1", kind: "k", dedupeKey: "once" } });
    await expectViolation(db.notification.create({ data: { userId: "u1", kind: "k", dedupeKey: "once" } })); // once per user and key
  });
});
