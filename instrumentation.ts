// Runs once when a server process starts (Next's instrumentation hook). Starts the background
// export and webhook workers in the Node.js runtime; CONSILIUM_EXPORT_WORKER=off leaves it to another process.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./lib/runtime/heap")).keepHeapCompact();
  // DATABASE_POOL_MAX=1 is the embedded fallback database (one connection, held by the web server).
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.CONSILIUM_EXPORT_WORKER === "off" || !process.env.DATABASE_URL || process.env.DATABASE_POOL_MAX === "1") return;
  const { startExportWorker } = await import("./lib/export-jobs/worker");
  const { startWebhookWorker } = await import("./lib/webhooks/queue");
  // A queue that cannot start (database down) must not keep the site from serving pages.
  await startExportWorker().catch((error: Error) => console.error(`consilium: the export worker did not start: ${error.message}`));
  await startWebhookWorker().catch((error: Error) => console.error(`consilium: the webhook worker did not start: ${error.message}`));
}
