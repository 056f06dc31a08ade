import { createWriteStream } from "node:fs";
import { exportReady } from "@/lib/notifications/study-events";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { countExportRecords, prepareExport } from "@/lib/export/prepare-export";
import { runExport } from "@/lib/export/run-export";
import { isMultiFileFormat } from "@/lib/export/schema";
import { exportDatasetZip } from "@/lib/export/run-dataset-export";
import { findProjectForActor } from "@/lib/projects/access";
import { exportFilePath } from "./export-dir";
import { ConflictError } from "@/lib/auth/users";
import { backgroundExportsAvailable, enqueueExportJob } from "./queue";

// Background exports (issue 9): the same export as the download link (prepareExport + runExport,
// so permissions, filters, pseudonyms and formats cannot drift), written to a file by a pg-boss
// worker, with progress the page polls. The running worker writes a heartbeat; a job whose heartbeat
// stopped (its server died) is queued again by any server's sweep and starts over (the partial file
// is replaced: writes go to a temporary name, renamed when complete).

const EXTENSIONS = { jsonl: "jsonl", csv: "csv", steps: "jsonl", "steps-csv": "csv", preferences: "jsonl", sft: "jsonl", healthbench: "jsonl", coco: "json", parquet: "zip", hf: "zip" } as const;
/** Progress is written every this many records: often enough for a progress bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 2_000;
/** A running job's worker proves it is alive this often… */
export const HEARTBEAT_MS = 5_000;
/** …and a running job silent for this long was lost with its server. */
export const LOST_AFTER_MS = 30_000;

export type ExportJobView = {
  id: string;
  format: string;
  status: "queued" | "running" | "done" | "failed";
  records: number;
  expectedRecords: number | null;
  bytes: number | null;
  fileName: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

type JobRow = Awaited<ReturnType<ReturnType<typeof getDb>["exportJob"]["findFirstOrThrow"]>>;

function view(job: JobRow): ExportJobView {
  return {
    id: job.id,
    format: job.format,
    status: job.status as ExportJobView["status"],
    records: job.records,
    expectedRecords: job.expectedRecords,
    bytes: job.bytes === null ? null : Number(job.bytes),
    fileName: job.fileName,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** Validates the export as the download would (bad query → 400, unknown project → 404), records the job and queues it. */
export async function startExportJob(actor: Actor, slug: string, query: Record<string, string | undefined>): Promise<ExportJobView> {
  const { project, format, filter, query: q } = await prepareExport(actor, slug, query);
  if (!backgroundExportsAvailable()) throw new ConflictError("Background exports need PostgreSQL; on the embedded fallback database use the direct download.");
  const expected = await countExportRecords(filter);
  const job = await getDb().exportJob.create({
    data: { projectId: project.id, requestedById: actor.id, format, query: { ...q }, expectedRecords: expected },
  });
  await enqueueExportJob(job.id);
  return view(job);
}

/** The caller's view of a project's jobs, newest first (their own; admins see everyone's). */
export async function listExportJobs(actor: Actor, slug: string, take = 20): Promise<ExportJobView[]> {
  const project = await findProjectForActor(actor, slug, "export:read");
  const jobs = await getDb().exportJob.findMany({
    where: { projectId: project.id, ...(actor.role === "ADMIN" ? {} : { requestedById: actor.id }) },
    orderBy: { createdAt: "desc" },
    take,
  });
  return jobs.map(view);
}

/** One job, if the caller may see it: the requester, or an admin. Others get "not found", never a hint. */
export async function findExportJob(actor: Actor, id: string): Promise<ExportJobView & { path: string | null; projectSlug: string }> {
  const job = await getDb().exportJob.findUnique({ where: { id }, include: { project: { select: { slug: true } } } });
  if (!job || (actor.role !== "ADMIN" && job.requestedById !== actor.id)) throw new NotFoundError("Export not found.");
  // The requester must still have access to the project (membership may have ended).
  await findProjectForActor(actor, job.project.slug, "export:read");
  return { ...view(job), projectSlug: job.project.slug, path: job.status === "done" && job.fileName ? exportFilePath(job.id, job.fileName) : null };
}

/**
 * The worker's task: write the export to its file. Runs as the user who asked (their access is
 * checked again: it may have been revoked while the job waited). Idempotent: a retry starts over.
 */
export async function runExportJob(jobId: string): Promise<void> {
  const db = getDb();
  // Claimed atomically: a job already done, or running with a live heartbeat on another server (a
  // late duplicate from the queue), is left alone.
  const claimed = await db.exportJob.updateMany({
    where: { id: jobId, OR: [{ status: { in: ["queued", "failed"] } }, { status: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(Date.now() - LOST_AFTER_MS) } }] }] },
    data: { status: "running", startedAt: new Date(), heartbeatAt: new Date(), records: 0, error: null, attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return;
  const job = await db.exportJob.findUniqueOrThrow({ where: { id: jobId }, include: { requestedBy: true, project: true } });
  const heartbeat = setInterval(() => {
    db.exportJob.update({ where: { id: jobId }, data: { heartbeatAt: new Date() } }).catch((error: Error) => console.error("consilium: export heartbeat:", error.message));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const actor: Actor = { id: job.requestedBy.id, role: job.requestedBy.role, email: job.requestedBy.email, name: job.requestedBy.name };
    if (!job.requestedBy.isActive) throw new Error("The account that asked for this export was deactivated.");
    const query = Object.fromEntries(Object.entries(job.query as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    const { format, filter, query: parsed } = await prepareExport(actor, job.project.slug, query);
    const fileName = `${job.project.slug}-${format}-${job.createdAt.toISOString().slice(0, 10)}-${job.id.slice(-6)}.${EXTENSIONS[format]}`;
    const file = exportFilePath(job.id, fileName);
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    let records = 0;
    let reported = Promise.resolve();
    const onRecord = () => {
      if (++records % PROGRESS_EVERY === 0) {
        const at = records;
        reported = reported.then(() => db.exportJob.update({ where: { id: jobId }, data: { records: at } }).then(() => undefined));
      }
    };
    // Parquet and the Hugging Face folder are zips of several files; the rest are one text stream.
    const chunks = isMultiFileFormat(format) ? exportDatasetZip({ actorId: actor.id, project: job.project, filter, format, query: parsed, onRecord }) : runExport({ actorId: actor.id, format, filter, onRecord });
    await pipeline(Readable.from(chunks), createWriteStream(partial));
    await reported;
    await rename(partial, file);
    const { size } = await stat(file);
    await db.exportJob.update({ where: { id: jobId }, data: { status: "done", records, bytes: BigInt(size), fileName, finishedAt: new Date() } });
    await exportReady(jobId).catch((error) => console.error("Export-ready events failed", jobId, error));
  } catch (error) {
    await rm(path.dirname(exportFilePath(job.id, "x")), { recursive: true, force: true });
    await db.exportJob.update({ where: { id: jobId }, data: { status: "failed", error: error instanceof Error ? error.message : String(error), finishedAt: new Date() } });
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Queues again every running job whose heartbeat stopped: its server died mid-export. Safe on many
 * servers at once: the UPDATE hands each lost job to exactly one caller. Returns the jobs requeued.
 */
export async function requeueLostExportJobs(lostAfterMs = LOST_AFTER_MS): Promise<string[]> {
  const lost = await getDb().$queryRaw<Array<{ id: string }>>`
    UPDATE "ExportJob" SET status = 'queued', "heartbeatAt" = NULL
    WHERE status = 'running' AND ("heartbeatAt" IS NULL OR "heartbeatAt" < now() - make_interval(secs => ${lostAfterMs / 1000}))
    RETURNING id`;
  for (const { id } of lost) await enqueueExportJob(id, { fresh: true });
  return lost.map((j) => j.id);
}
