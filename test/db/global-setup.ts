import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { startPostgresCluster } from "@/scripts/local-db";
import { assertLocalUrl, TEMPLATE_DB, withDatabase } from "./urls";

/**
 * Provides TEST_PG_URL (a server we may create databases on) and a migrated template database.
 * `npm test` starts the server and passes TEST_PG_URL; run alone, vitest starts its own.
 */
export default async function setup() {
  let stop: (() => Promise<void>) | undefined;
  if (!process.env.TEST_PG_URL) {
    const cluster = await startPostgresCluster(path.resolve(".data/test-pg"));
    process.env.TEST_PG_URL = cluster.url;
    stop = cluster.stop;
  }
  const serverUrl = process.env.TEST_PG_URL;
  assertLocalUrl(serverUrl);
  await prepareTemplate(serverUrl);
  return async () => stop?.();
}

export async function prepareTemplate(serverUrl: string) {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(withDatabase(serverUrl, TEMPLATE_DB));
}
