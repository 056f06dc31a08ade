import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeEach } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { assertLocalUrl, TEMPLATE_DB, withDatabase } from "./urls";

// Each test file gets a fresh copy of the migrated template (well under a second).
const serverUrl = process.env.TEST_PG_URL;
if (!serverUrl) throw new Error("TEST_PG_URL is not set (the db project's globalSetup provides it).");
assertLocalUrl(serverUrl);
const name = `consilium_t_${randomBytes(5).toString("hex")}`;
const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
await admin.end();
process.env.DATABASE_URL = withDatabase(serverUrl, name);

afterAll(async () => {
  await disconnectDb();
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
});

// Every test starts from empty tables (cheaper than a new database per test).
beforeEach(async () => {
  const tables = await getDb().$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  await getDb().$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
});
