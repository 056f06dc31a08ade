import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/db/migrate";
import { assertLocalUrl, withDatabase } from "./urls";

// `npm run db:migrate`, run for real as a child process (the script is what was missing). Child
// processes start tsx (~2 s each) and the local case runs initdb: hence the generous timeouts.
const SLOW = 120_000;
const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const serverUrl = process.env.TEST_PG_URL!;
assertLocalUrl(serverUrl);
const name = `consilium_mig_${randomBytes(4).toString("hex")}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "consilium-migrate-"));

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try { return await fn(client); } finally { await client.end(); }
}

/** The command with a clean environment: no DATABASE_URL unless given. */
function migrate(env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  void _ignored;
  return run("npm", ["run", "--silent", "db:migrate"], { cwd: ROOT, env: { ...rest, ...env } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

afterAll(async () => {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run db:migrate", () => {
  it("migrates DATABASE_URL, then reports it up to date", async () => {
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const url = withDatabase(serverUrl, name);
    const migrations = await readMigrations();
    const first = await migrate({ DATABASE_URL: url });
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining(`Applied ${migrations.length} migration(s) to 127.0.0.1`) });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    const tables = await client.query(`SELECT 1 FROM pg_tables WHERE tablename = 'Annotation'`);
    await client.end();
    expect([rows[0].n, tables.rowCount]).toEqual([migrations.length, 1]);
    expect(await migrate({ DATABASE_URL: url })).toMatchObject({ code: 0, stdout: expect.stringContaining(`up to date (${migrations.length} migrations)`) });
  }, SLOW);

  it("without DATABASE_URL migrates the local database npm start uses (CONSILIUM_DATA_DIR), and stops what it started", async () => {
    const result = await migrate({ CONSILIUM_DATA_DIR: dataDir });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Applied \d+ migration\(s\) to the local database in .*consilium-migrate-/m) });
    expect(existsSync(path.join(dataDir, "pg", "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false); // stopped again
    expect(existsSync(path.join(dataDir, "local-db.json"))).toBe(false);
  }, SLOW);

  it("fails in one line, exit 1, when the database cannot be reached", async () => {
    const result = await migrate({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Migration failed: connect ECONNREFUSED 127\.0\.0\.1:1\n$/) });
  }, SLOW);
});
