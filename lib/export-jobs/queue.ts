import PgBoss from "pg-boss";

// The export queue on pg-boss (decision 017): jobs live in PostgreSQL (schema "pgboss", created and
// migrated by pg-boss itself at start), so a queued or running export survives a server restart —
// pg-boss hands a job whose worker died back out once it expires. One shared instance per process.

export const EXPORT_QUEUE = "consilium-export";

/**
 * The embedded fallback database (PGlite, `npm start` without PostgreSQL) serves one connection,
 * which the web server's pool holds (DATABASE_POOL_MAX=1): the queue cannot have its own there.
 */
export function backgroundExportsAvailable(): boolean {
  return process.env.DATABASE_POOL_MAX !== "1";
}
/** A job not finished in this time is considered lost (its worker died) and handed out again. */
const EXPIRE_IN_SECONDS = 60 * 60;

// On globalThis, as the Prisma client is: route handlers are bundled separately (lib/db/client.ts).
const global = globalThis as unknown as { consiliumExportQueue?: Promise<PgBoss> | null };

async function startBoss(): Promise<PgBoss> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const instance = new PgBoss({ connectionString, schema: "pgboss", max: 3, application_name: "consilium-export-queue" });
  instance.on("error", (error) => console.error("consilium: export queue:", error.message));
  await instance.start();
  await instance.createQueue(EXPORT_QUEUE, { name: EXPORT_QUEUE, retryLimit: 2, retryDelay: 5, expireInSeconds: EXPIRE_IN_SECONDS });
  return instance;
}

export function getExportQueue(): Promise<PgBoss> {
  global.consiliumExportQueue ??= startBoss().catch((error) => {
    global.consiliumExportQueue = null;
    throw error;
  });
  return global.consiliumExportQueue;
}

/** `fresh`: a new queue entry even if an old one for the job is still marked active (a lost run). */
export async function enqueueExportJob(jobId: string, opts: { fresh?: boolean } = {}): Promise<void> {
  const queue = await getExportQueue();
  await queue.send(EXPORT_QUEUE, { jobId }, opts.fresh ? {} : { singletonKey: jobId });
}

/** Stops this process's queue connection (tests, shutdown). */
export async function stopExportQueue(): Promise<void> {
  const current = global.consiliumExportQueue;
  global.consiliumExportQueue = null;
  if (current) await (await current).stop({ graceful: true, wait: true });
}
