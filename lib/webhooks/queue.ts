import { getDb } from "@/lib/db/client";
import { backgroundExportsAvailable, getExportQueue } from "@/lib/export-jobs/queue";
import { attemptDelivery } from "./deliver";

// Deliveries run on the PostgreSQL job queue the exports use (pg-boss, decision 017): a delivery
// survives a restart, and a failed one is retried with exponential back-off — by default 30 s,
// 1 min, 2 min, … for 8 retries (about two hours) — before it is marked failed. Both numbers are
// settings so tests can shorten them.

export const WEBHOOK_QUEUE = "consilium-webhook";

export function retryPolicy() {
  return {
    retryLimit: Number(process.env.CONSILIUM_WEBHOOK_RETRIES ?? 8),
    retryDelay: Number(process.env.CONSILIUM_WEBHOOK_RETRY_DELAY_SECONDS ?? 30),
    retryBackoff: true,
  };
}

const global = globalThis as unknown as { consiliumWebhookQueue?: Promise<void> | null };

async function queue() {
  const boss = await getExportQueue();
  global.consiliumWebhookQueue ??= boss.createQueue(WEBHOOK_QUEUE, { name: WEBHOOK_QUEUE, ...retryPolicy(), expireInSeconds: 60 }).catch((error) => {
    global.consiliumWebhookQueue = null;
    throw error;
  });
  await global.consiliumWebhookQueue;
  return boss;
}

/**
 * Queues deliveries. Without a background queue (the embedded one-connection database of
 * `npm start` without PostgreSQL) each is attempted once, now, and stays in the log either way.
 */
export async function enqueueDeliveries(ids: string[]): Promise<void> {
  if (!ids.length) return;
  if (!backgroundExportsAvailable()) {
    for (const id of ids) await attemptDelivery(id, { lastAttempt: true });
    return;
  }
  const boss = await queue();
  const policy = retryPolicy();
  for (const id of ids) await boss.send(WEBHOOK_QUEUE, { deliveryId: id }, { ...policy, singletonKey: id });
}

/** Started with the export worker (instrumentation.ts); several deliveries may run at once. */
export async function startWebhookWorker(): Promise<void> {
  const boss = await queue();
  await boss.work<{ deliveryId: string }>(WEBHOOK_QUEUE, { batchSize: 4, pollingIntervalSeconds: 1, includeMetadata: true }, async (jobs) => {
    const failures: string[] = [];
    for (const job of jobs) {
      const outcome = await attemptDelivery(job.data.deliveryId, { lastAttempt: job.retryCount >= job.retryLimit });
      if (!outcome.ok && !outcome.final) failures.push(outcome.error ?? "failed");
    }
    // Throwing hands the batch back to pg-boss, which schedules the retry with back-off.
    if (failures.length) throw new Error(failures.join("; "));
  });
  // Deliveries written but never queued (the process stopped in between) are queued now.
  const stranded = await getDb().webhookDelivery.findMany({ where: { status: "pending", attempts: 0, createdAt: { lt: new Date(Date.now() - 60_000) } }, select: { id: true }, take: 1000 });
  await enqueueDeliveries(stranded.map((d) => d.id));
}
