import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { listProjectsPage } from "@/lib/projects/list-projects-page";
import { listItemsPage } from "@/lib/items/list-items-page";
import { listAnnotationRecords } from "@/lib/export/list-annotation-records";
import { generateStudy } from "@/scripts/bench-data";

// The listings' keyset queries read an index at 100k rows (decision 018): the very SQL the lib
// functions send (captured from Prisma's query log), EXPLAINed after ANALYZE on 100k annotations
// (50k items) and 100k projects. A sequential scan of the listed table would make every page cost
// the whole table.

type Plan = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: Plan[] };
const nodes = (p: Plan): Plan[] => [p, ...(p.Plans ?? []).flatMap(nodes)];

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
const captured: { query: string; params: string }[] = [];
afterAll(async () => {
  await client.end();
});

/** Runs fn with a client that logs its SQL in place of the app's, and returns the statements sent. */
async function captureQueries(fn: () => Promise<unknown>) {
  const holder = globalThis as unknown as { consiliumPrisma?: unknown };
  const original = getDb();
  const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }), log: [{ emit: "event", level: "query" }] });
  logging.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  captured.length = 0;
  holder.consiliumPrisma = logging;
  try {
    await fn();
  } finally {
    holder.consiliumPrisma = original;
    await logging.$disconnect();
  }
  return [...captured];
}

async function planOf(statement: { query: string; params: string }) {
  const params = JSON.parse(statement.params) as unknown[];
  const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${statement.query}`, params);
  return nodes((rows[0]["QUERY PLAN"] as [{ Plan: Plan }])[0].Plan);
}

describe("listing queries at 100k rows", () => {
  it("page through projects, items and annotation records by index", { timeout: 180_000 }, async () => {
    await client.connect();
    const study = await generateStudy(client, 100_000);
    await client.query(`
      INSERT INTO "Project" (id, name, slug, "pseudonymSalt", "createdById", "updatedAt")
      SELECT 'cp' || lpad(g::text, 12, '0'), 'P ' || g, 'p-' || lpad(g::text, 6, '0'), md5(g::text), $1, now() FROM generate_series(1, 100000) g`, [study.adminId]);
    await client.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ('cresearcher', 'r@bench.local', 'R', 'RESEARCHER', 'x', now())`);
    await client.query(`INSERT INTO "ProjectMember" (id, "projectId", "userId", role) SELECT 'cm' || g, 'cp' || lpad(g::text, 12, '0'), 'cresearcher', 'ANALYST' FROM generate_series(1, 100000, 1000) g`);
    await client.query("ANALYZE");
    const admin: Actor = { id: study.adminId, role: "ADMIN", email: "admin@bench.consilium.local", name: "Bench admin" };
    const researcher: Actor = { id: "cresearcher", role: "RESEARCHER", email: "r@bench.local", name: "R" };

    const first = await listProjectsPage(admin, { limit: "100" });
    const keyset = (statements: { query: string; params: string }[], table: string) => statements.filter((s) => s.query.includes(`FROM "public"."${table}"`) && /ORDER BY/.test(s.query) && /LIMIT/.test(s.query));

    const report: string[] = [];
    const expectIndexed = async (label: string, statements: { query: string; params: string }[], table: string, index: RegExp) => {
      expect(statements.length, label).toBeGreaterThan(0);
      for (const s of statements) {
        const plan = await planOf(s);
        const scans = plan.filter((n) => n["Relation Name"] === table);
        report.push(`${label}: ${scans.map((n) => `${n["Node Type"]}${n["Index Name"] ? ` using ${n["Index Name"]}` : ""}`).join(", ")}`);
        expect([label, scans.some((n) => n["Node Type"] === "Seq Scan")]).toEqual([label, false]);
        expect([label, scans.some((n) => index.test(n["Index Name"] ?? ""))]).toEqual([label, true]);
      }
    };

    await expectIndexed("projects (admin, page 2)", keyset(await captureQueries(() => listProjectsPage(admin, { limit: "100", cursor: first.nextCursor! })), "Project"), "Project", /^Project_slug_key$/);
    const mine = await captureQueries(() => listProjectsPage(researcher, { limit: "100" }));
    await expectIndexed("projects (member)", keyset(mine, "Project"), "Project", /^(Project_slug_key|Project_pkey)$/);

    const items = await listItemsPage(admin, "bench-study", { limit: "500" });
    await expectIndexed("items (page 2)", keyset(await captureQueries(() => listItemsPage(admin, "bench-study", { limit: "500", cursor: items.nextCursor! })), "Item"), "Item", /^Item_projectId_externalId_key$/);
    await expectIndexed("items (kind, page 2)", keyset(await captureQueries(() => listItemsPage(admin, "bench-study", { limit: "500", kind: "qa", cursor: items.nextCursor! })), "Item"), "Item", /^Item_projectId_externalId_key$/);

    const records = await listAnnotationRecords(admin, "bench-study", { limit: "500", content: "false" });
    expect(records.data).toHaveLength(500);
    const page2 = (await captureQueries(() => listAnnotationRecords(admin, "bench-study", { limit: "500", content: "false", cursor: records.nextCursor! }))).filter((s) => s.query.includes(`FROM "Annotation" a`));
    await expectIndexed("annotations (page 2)", page2, "Annotation", /^Annotation_pkey$/);
    console.log(report.join("\n"));
  });
});
