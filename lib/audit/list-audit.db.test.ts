import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { recordAudit } from "./record-audit";
import { auditCsv, listAuditEvents } from "./list-audit";

async function collect(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

describe("the audit log", () => {
  it("filters by actor, action (or family), entity, project and dates, newest first, in keyset pages; the CSV has every match", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const other = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1 });
    const tag = `t${Date.now().toString(36)}`;
    const db = getDb();
    // Seven events of this test, at known times (ids break ties between equal times).
    const events = [
      { actorId: admin.id, action: "batch.assign" as const, entityType: "Batch", entityId: `${tag}-1`, projectId: project.id, at: "2026-03-01T10:00:00Z" },
      { actorId: admin.id, action: "batch.delete" as const, entityType: "Batch", entityId: `${tag}-2`, projectId: project.id, at: "2026-03-02T10:00:00Z" },
      { actorId: other.id, action: "batch.assign" as const, entityType: "Batch", entityId: `${tag}-3`, projectId: project.id, at: "2026-03-02T10:00:00Z" },
      { actorId: other.id, action: "export.download" as const, entityType: "Project", entityId: `${tag}-4`, projectId: project.id, at: "2026-03-03T10:00:00Z" },
      { actorId: admin.id, action: "user.create" as const, entityType: "User", entityId: `${tag}-5`, projectId: null, at: "2026-03-04T10:00:00Z" },
      { actorId: admin.id, action: "batch.due_date" as const, entityType: "Batch", entityId: `${tag}-6`, projectId: project.id, at: "2026-03-05T10:00:00Z" },
      { actorId: null, action: "auth.login_failed" as const, entityType: "User", entityId: `${tag}-7`, projectId: null, at: "2026-03-05T23:59:59Z" },
    ];
    for (const e of events) {
      await recordAudit({ actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, projectId: e.projectId, data: { n: e.entityId } });
      await db.auditEvent.updateMany({ where: { entityId: e.entityId }, data: { createdAt: new Date(e.at) } });
    }
    const me = asActor(admin);
    const ids = async (q: Record<string, string>) => (await listAuditEvents(me, { from: "2026-03-01", to: "2026-03-05", ...q })).events.map((e) => e.entityId).filter((id) => id?.startsWith(tag));
    // Events 2 and 3 share a time: the id breaks the tie (descending), as the keyset does.
    const tied = await db.auditEvent.findMany({ where: { entityId: { in: [`${tag}-2`, `${tag}-3`] } }, select: { id: true, entityId: true } });
    const [tieFirst, tieSecond] = tied.sort((a, b) => (a.id < b.id ? 1 : -1)).map((e) => e.entityId!);
    const n = (k: number) => `${tag}-${k}`;
    expect(await ids({})).toEqual([n(7), n(6), n(5), n(4), tieFirst, tieSecond, n(1)]);
    expect(await ids({ actor: other.email.toUpperCase() })).toEqual([n(4), n(3)]);
    expect(await ids({ action: "batch." })).toEqual([n(6), tieFirst, tieSecond, n(1)]);
    expect(await ids({ action: "batch.assign" })).toHaveLength(2);
    expect(await ids({ entity: "User" })).toEqual([`${tag}-7`, `${tag}-5`]);
    expect(await ids({ project: project.slug, action: "export.download" })).toEqual([`${tag}-4`]);
    expect(await ids({ from: "2026-03-05", to: "2026-03-05" })).toEqual([`${tag}-7`, `${tag}-6`]);

    // Pages of 2 walk the same events once each, newest first.
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents(me, { from: "2026-03-01", to: "2026-03-05", ...(cursor ? { cursor } : {}) }, 2);
      walked.push(...page.events.map((e) => e.entityId!).filter((id) => id.startsWith(tag)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual(await ids({}));

    const csv = parse(await collect(auditCsv(me, { action: "batch.", from: "2026-03-01", to: "2026-03-05" })), { columns: true }) as Array<Record<string, string>>;
    const mine = csv.filter((r) => r.entity_id.startsWith(tag));
    expect(mine.map((r) => r.entity_id)).toEqual(await ids({ action: "batch." }));
    expect(mine[0]).toMatchObject({ actor: admin.email, action: "batch.due_date", entity_type: "Batch", project: project.slug, data: JSON.stringify({ n: `${tag}-6` }) });
  });

  it("is for admins; bad filters are refused plainly", async () => {
    const researcher = await seedUser({ role: "RESEARCHER" });
    const admin = await seedUser({ role: "ADMIN" });
    await expect(listAuditEvents(asActor(researcher), {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(collect(auditCsv(asActor(researcher), {}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditEvents(asActor(admin), { from: "2026-02-30" })).rejects.toThrow(/does not exist/);
    await expect(listAuditEvents(asActor(admin), { action: "DROP TABLE" })).rejects.toThrow(/lower-case words/);
    await expect(listAuditEvents(asActor(admin), { from: "2026-03-02", to: "2026-03-01" })).rejects.toThrow(/to is before from/);
    await expect(listAuditEvents(asActor(admin), { nope: "1" })).rejects.toThrow();
  });
});
