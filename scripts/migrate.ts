/**
 * `npm run db:migrate`: applies pending migrations (prisma/migrations, lib/db/migrate.ts) to
 * DATABASE_URL, or — without it — to the local database that `npm start` uses (.data/, or
 * CONSILIUM_DATA_DIR), starting that database for the duration when it is not running and stopping
 * it again. `npm start`, the CLI and the tests migrate by themselves; this is for deployments
 * (run it before starting new app servers) and for checking a new migration.
 */
import { migrateDatabase } from "@/lib/db/migrate";
import { ensureLocalDatabase } from "./local-db";

function describeTarget(url: string, kind: string, dataDir: string | undefined): string {
  if (kind !== "external") return `the local database in ${dataDir}`;
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`; // never print the password
}

async function main(): Promise<number> {
  let stop: (() => Promise<void>) | undefined;
  try {
    const db = await ensureLocalDatabase({ quiet: true });
    stop = db.stop;
    const target = describeTarget(db.url, db.kind, db.dataDir);
    const result = await migrateDatabase(db.url);
    if (result.applied.length) console.log(`Applied ${result.applied.length} migration(s) to ${target}: ${result.applied.join(", ")}`);
    else console.log(`${target} is up to date (${result.alreadyApplied} migrations).`);
    return 0;
  } catch (error) {
    // One line, no stack: the runner's messages already name the migration and the cause.
    const message = (error as Error).message || String((error as { code?: string }).code ?? error);
    console.error(`Migration failed: ${message.split("\n")[0]}`);
    return 1;
  } finally {
    await stop?.().catch((error) => console.error(`Could not stop the local database: ${(error as Error).message.split("\n")[0]}`));
  }
}

process.exitCode = await main();
