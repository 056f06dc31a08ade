import { getDb } from "@/lib/db/client";
import { runExportJob } from "./export-jobs";
import { EXPORT_QUEUE, enqueueExportJob, getExportQueue } from "./queue";

// The export worker: started once per server process (instrumentation.ts). One export at a time —
// an export is streaming work that would only slow the reviewers' saves if several ran at once.

export async function startExportWorker(): Promise<void> {
  const queue = await getExportQueue();
  // `npm start` runs one server process: a job "running" at start belonged to the process that
  // stopped. Queue it again now rather than wait for pg-boss to expire the lost run (an hour).
  const orphans = await getDb().exportJob.findMany({ where: { status: "running" }, select: { id: true } });
  for (const { id } of orphans) {
    await getDb().exportJob.update({ where: { id }, data: { status: "queued" } });
    await enqueueExportJob(id, { fresh: true });
  }
  await queue.work<{ jobId: string }>(EXPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    await runExportJob(job.data.jobId);
  });
}
