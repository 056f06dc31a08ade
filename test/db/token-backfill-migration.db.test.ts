import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrateDatabase, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { withDatabase } from "./urls";

// Migration 20261130020000 makes token scopes and expiry mandatory: tokens made before it keep
// exactly their owner's role's API scopes and get a 90-day expiry.
describe("migration 20261130020000_sessions_tokens_passwords", () => {
  it("backfills scopes by role and an expiry for existing tokens", async () => {
    const server = process.env.TEST_PG_URL!;
    const name = `consilium_mig_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: withDatabase(server, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const before = mkdtempSync(path.join(os.tmpdir(), "consilium-mig-"));
    const url = withDatabase(server, name);
    const db = new pg.Client({ connectionString: url });
    try {
      for (const m of readdirSync(MIGRATIONS_DIR).filter((n) => n < "20261130020000")) cpSync(path.join(MIGRATIONS_DIR, m), path.join(before, m), { recursive: true });
      await migrateDatabase(url, before);
      await db.connect();
      await db.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ('r', 'r@x.org', 'R', 'RESEARCHER', 'h', now()), ('v', 'v@x.org', 'V', 'REVIEWER', 'h', now())`);
      await db.query(`INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES ('t1', 'r', 'old', 'h1', 'csm_'), ('t2', 'v', 'old', 'h2', 'csm_')`);
      await migrateDatabase(url);
      const { rows } = await db.query(`SELECT id, scopes, "expiresAt" - "createdAt" > interval '89 days' AS later FROM "ApiToken" ORDER BY id`);
      expect(rows).toEqual([
        { id: "t1", scopes: ["project:read", "export:read", "image:read"], later: true },
        { id: "t2", scopes: ["assignment:work", "image:read"], later: true },
      ]);
      expect((await db.query(`SELECT "sessionVersion" FROM "User" WHERE id = 'r'`)).rows[0]).toEqual({ sessionVersion: 0 });
    } finally {
      await db.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      rmSync(before, { recursive: true, force: true });
    }
  });
});
