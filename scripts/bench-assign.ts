/**
 * `npm run bench:assign [-- --items N] [--reviewers R] [--per-item K]`: what building one batch costs.
 * Seeds N qa items with two responses each (set-based SQL) into a fresh database on a private cluster
 * (.data/bench-pg, or BENCH_PG_URL), then times createBatch — the function the web form, the CLI and
 * the API share — and samples the whole process's peak RSS every 20 ms while it runs.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { assertLocalUrl, withDatabase } from "@/test/db/urls";
import { startPostgresCluster } from "./local-db";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DB = "consilium_bench_assign";
const { values } = parseArgs({ options: { items: { type: "string", default: "20000" }, reviewers: { type: "string", default: "10" }, "per-item": { type: "string", default: "2" } } });
const N = Number(values.items);
const R = Number(values.reviewers);
const K = Number(values["per-item"]);

async function main() {
  let serverUrl = process.env.BENCH_PG_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!serverUrl) ({ url: serverUrl, stop } = await startPostgresCluster(path.join(ROOT, ".data/bench-pg"), { quiet: true }));
  assertLocalUrl(serverUrl);
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  const url = withDatabase(serverUrl, DB);
  await migrateDatabase(url);
  process.env.DATABASE_URL = url;
  const { getDb, disconnectDb } = await import("@/lib/db/client");
  const { seedProject, seedUser } = await import("@/lib/seed/factories");
  const { createBatch } = await import("@/lib/assignments/create-batch");
  try {
    const owner = await seedUser({ role: "ADMIN" });
    const reviewers = [];
    for (let i = 0; i < R; i++) reviewers.push(await seedUser({ role: "REVIEWER" }));
    const project = await seedProject(owner.id, { reviewersPerItem: K });
    await getDb().$executeRaw`INSERT INTO "Item" ("id", "projectId", "externalId", "kind", "input") SELECT 'i-' || g, ${project.id}, 'x-' || g, 'QA', '{"question":"Q?"}'::jsonb FROM generate_series(1, ${N}) g`;
    await getDb().$executeRaw`INSERT INTO "Response" ("id", "itemId", "position", "label", "modelName", "content") SELECT gen_random_uuid()::text, 'i-' || g, p, chr(65 + p), 'm' || p, 'a' FROM generate_series(1, ${N}) g, generate_series(0, 1) p`;
    await getDb().$executeRaw`ANALYZE`;
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    const result = await createBatch(owner.id, project.id, { name: "bench", reviewerIds: reviewers.map((r) => r.id), perItem: K, seed: 1 });
    const ms = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(JSON.stringify({ items: result.items, assignments: result.assignments, seconds: +(ms / 1000).toFixed(2), peakRssMb: Math.round(peak / 2 ** 20), rssBeforeMb: Math.round(before / 2 ** 20) }));
  } finally {
    await disconnectDb();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
    await stop?.();
  }
}

void main();
