import { LOST_AFTER_MS, requeueLostExportJobs, runExportJob } from "./export-jobs";
import { EXPORT_QUEUE, getExportQueue } from "./queue";

// The export worker: started once per server process (instrumentation.ts). One export at a time —
// an export is streaming work that would only slow the reviewers' saves if several ran at once.
// Several servers may run it against one database: the queue hands each job to one of them, and
// every server sweeps for jobs whose worker stopped writing its heartbeat (a server that died).

export async function startExportWorker(): Promise<void> {
  const queue = await getExportQueue();
  await requeueLostExportJobs();
  const sweep = setInterval(() => {
    requeueLostExportJobs().catch((error: Error) => console.error("consilium: export sweep:", error.message));
  }, LOST_AFTER_MS);
  sweep.unref();
  await queue.work<{ jobId: string }>(EXPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    await runExportJob(job.data.jobId);
  });
}
