import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { writeDelimitedRows } from "@/lib/export/csv-cell";
import { Prisma } from "@/lib/generated/prisma/client";

// The audit log for admins (issue 10): who did what, filtered by actor, action, entity, project and
// date, newest first, keyset-paged by (createdAt, id) on its own index; and the same selection as CSV,
// streamed a page at a time (cells that a spreadsheet would run as formulas are neutralized).

const blank = (v: unknown) => (v === "" ? undefined : v);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Dates are YYYY-MM-DD." }).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: "That date does not exist." });

export const auditFilterSchema = z.strictObject({
  /** The acting user's e-mail (exact, case-insensitive). */
  actor: z.preprocess(blank, z.string().trim().toLowerCase().max(320).optional()),
  /** An action ("batch.assign") or a family ("batch."). */
  action: z.preprocess(blank, z.string().trim().max(80).regex(/^[a-z_.]+$/, { error: "An action is lower-case words joined by dots, e.g. batch.assign or batch." }).optional()),
  entity: z.preprocess(blank, z.string().trim().max(60).optional()),
  /** A project's slug. */
  project: z.preprocess(blank, z.string().trim().max(60).optional()),
  from: z.preprocess(blank, day.optional()),
  to: z.preprocess(blank, day.optional()),
  cursor: z.preprocess(blank, z.string().max(500).optional()),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export type AuditRow = { id: string; createdAt: Date; action: string; entityType: string; entityId: string | null; actorEmail: string | null; projectSlug: string | null; data: unknown };

export const AUDIT_PAGE = 100;

function whereOf(f: AuditFilter, after: [string, string] | undefined): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.actor) parts.push(Prisma.sql`u.email = ${f.actor}`);
  if (f.action) parts.push(f.action.endsWith(".") ? Prisma.sql`e.action LIKE ${`${f.action}%`}` : Prisma.sql`e.action = ${f.action}`);
  if (f.entity) parts.push(Prisma.sql`e."entityType" = ${f.entity}`);
  if (f.project) parts.push(Prisma.sql`p.slug = ${f.project}`);
  if (f.from) parts.push(Prisma.sql`e."createdAt" >= ${new Date(`${f.from}T00:00:00Z`)}`);
  if (f.to) parts.push(Prisma.sql`e."createdAt" < ${new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)}`);
  if (after) parts.push(Prisma.sql`(e."createdAt", e.id) < (${new Date(after[0])}, ${after[1]})`);
  return Prisma.join(parts, " AND ");
}

async function fetchAudit(f: AuditFilter, after: [string, string] | undefined, limit: number): Promise<AuditRow[]> {
  return getDb().$queryRaw<AuditRow[]>`
    SELECT e.id, e."createdAt", e.action, e."entityType", e."entityId", u.email AS "actorEmail", p.slug AS "projectSlug", e.data
    FROM "AuditEvent" e LEFT JOIN "User" u ON u.id = e."actorId" LEFT JOIN "Project" p ON p.id = e."projectId"
    WHERE ${whereOf(f, after)}
    ORDER BY e."createdAt" DESC, e.id DESC
    LIMIT ${limit}`;
}

const cursorKey = z.tuple([z.string(), z.string()]);

/** One page of events, newest first, and the cursor of the next page (null on the last). */
export async function listAuditEvents(actor: Actor, query: Record<string, string | undefined>, limit = AUDIT_PAGE): Promise<{ events: AuditRow[]; nextCursor: string | null; filter: AuditFilter }> {
  requirePermission(actor, "audit:read");
  const filter = auditFilterSchema.parse(query);
  if (filter.from && filter.to && filter.from > filter.to) throw new z.ZodError([{ code: "custom", path: ["to"], message: "to is before from.", input: filter.to }]);
  const after = filter.cursor ? decodeCursor(filter.cursor, cursorKey) : undefined;
  const rows = await fetchAudit(filter, after, limit + 1);
  const events = rows.slice(0, limit);
  const last = events[events.length - 1];
  return { events, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null, filter };
}

export const AUDIT_CSV_COLUMNS = ["time", "actor", "action", "entity_type", "entity_id", "project", "data"];

/** Every event of the filter (the cursor is ignored) as CSV, a page of 1,000 at a time. */
export async function* auditCsv(actor: Actor, query: Record<string, string | undefined>): AsyncGenerator<string> {
  requirePermission(actor, "audit:read");
  const filter = { ...auditFilterSchema.parse(query), cursor: undefined };
  yield writeDelimitedRows([AUDIT_CSV_COLUMNS]);
  let after: [string, string] | undefined;
  for (;;) {
    const rows = await fetchAudit(filter, after, 1000);
    if (!rows.length) return;
    yield writeDelimitedRows(rows.map((r) => [r.createdAt.toISOString(), r.actorEmail ?? "", r.action, r.entityType, r.entityId ?? "", r.projectSlug ?? "", JSON.stringify(r.data ?? {})]));
    if (rows.length < 1000) return;
    const last = rows[rows.length - 1];
    after = [last.createdAt.toISOString(), last.id];
  }
}
