import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process, cached on globalThis in production too: route handlers and server
// components are bundled separately and would otherwise each open a pool (RECIPE.md).
const globalForPrisma = globalThis as unknown as { consiliumPrisma?: PrismaClient; consiliumPgPool?: pg.Pool };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    // Read lazily: `next build` imports route modules without a database.
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides a local database.");
  }
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  // Our own pool, handed to Prisma: the export streams rows through COPY on a connection of the same
  // pool (lib/db/copy-rows.ts), so the process never holds more than DATABASE_POOL_MAX connections.
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection that dies (database restart) must not take the process down with it.
  pool.on("error", (error) => console.error("consilium: idle database connection:", error.message));
  globalForPrisma.consiliumPgPool = pool;
  const adapter = new PrismaPg(pool);
  return new PrismaClient({
    adapter,
    // Secrets are never selected unless a caller asks for them explicitly.
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

export function getDb(): Db {
  globalForPrisma.consiliumPrisma ??= createClient();
  return globalForPrisma.consiliumPrisma as Db;
}

/** The pg pool under the Prisma client, for what Prisma cannot do (COPY streams). */
export function getPgPool(): pg.Pool {
  getDb();
  return globalForPrisma.consiliumPgPool!;
}

/** Test and script hook: drop the cached client (e.g. after switching DATABASE_URL). */
export async function disconnectDb(): Promise<void> {
  await globalForPrisma.consiliumPrisma?.$disconnect();
  globalForPrisma.consiliumPrisma = undefined;
  const pool = globalForPrisma.consiliumPgPool;
  globalForPrisma.consiliumPgPool = undefined;
  if (pool && !pool.ended) await pool.end();
}

/** A Prisma transaction client, for functions that take part in a caller's transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
