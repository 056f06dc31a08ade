import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process, cached on globalThis in production too: route handlers and server
// components are bundled separately and would otherwise each open a pool (RECIPE.md).
const globalForPrisma = globalThis as unknown as { consiliumPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    // Read lazily: `next build` imports route modules without a database.
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides a local database.");
  }
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  const adapter = new PrismaPg({ connectionString, max });
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

/** Test and script hook: drop the cached client (e.g. after switching DATABASE_URL). */
export async function disconnectDb(): Promise<void> {
  await globalForPrisma.consiliumPrisma?.$disconnect();
  globalForPrisma.consiliumPrisma = undefined;
}

/** A Prisma transaction client, for functions that take part in a caller's transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
