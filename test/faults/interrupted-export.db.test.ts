import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import { getDb } from "@/lib/db/client";
import { findExportJob, requeueLostExportJobs, runExportJob, startExportJob } from "@/lib/export-jobs/export-jobs";
import { EXPORT_QUEUE, getExportQueue, stopExportQueue } from "@/lib/export-jobs/queue";
import { generateStudy } from "@/scripts/bench-data";
import { killHard, startChild, until } from "./child";

// Issue 14, faults: an export interrupted by the death of its process. The CLI never leaves a file
// under the name asked for unless it is complete; a background job whose server died is found by
// the sweep (its heartbeat stopped), runs again from the start and ends done, or visibly failed.
const ANNOTATIONS = 30_000; // a couple of seconds of export, so the kill lands in the middle
const dir = mkdtempSync(path.join(os.tmpdir(), "consilium-interrupted-export-"));
const ADMIN = "admin@bench.consilium.local";
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  process.env.CONSILIUM_EXPORT_DIR = path.join(dir, "jobs");
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await stopExportQueue();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const err: string[] = [];
  const code = await runCli(argv, { out: () => {}, err: (t) => err.push(t) });
  return { code, err: err.join("\n") };
}

const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean).length;
const partials = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".partial")) : []);

describe("an export interrupted by the death of its process", () => {
  it("from the CLI leaves no file under the name asked for; running it again writes it whole", { timeout: 120_000 }, async () => {
    await generateStudy(client, ANNOTATIONS);
    const out = path.join(dir, "cli", "study.jsonl");
    const folder = path.dirname(out);
    mkdirSync(folder, { recursive: true });
    const child = startChild("lib/cli/main.ts", ["export", "bench-study", "--out", out, "--as", ADMIN]);
    try {
      await until(() => partials(folder).some((f) => statSync(path.join(folder, f)).size > 0) || child.process.exitCode !== null, "the export writes");
      await killHard(child);
    } finally {
      child.process.kill("SIGKILL");
    }
    // What is left is named as unfinished; neither the file nor its manifest exists.
    expect(partials(folder)).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.manifest.json`)).toBe(false);

    expect(await cli("export", "bench-study", "--out", out, "--as", ADMIN)).toMatchObject({ code: 0 });
    expect(lines(out)).toBe(ANNOTATIONS);
    expect(JSON.parse(readFileSync(`${out}.manifest.json`, "utf8"))).toMatchObject({ format: "jsonl" });
  });

  it("as a background job is queued again once its heartbeat stops, and ends done, once", { timeout: 120_000 }, async () => {
    const study = await generateStudy(client, ANNOTATIONS);
    const admin = await getDb().user.findUniqueOrThrow({ where: { id: study.adminId } });
    const actor = { id: admin.id, role: admin.role, email: admin.email, name: admin.name };
    const job = await startExportJob(actor, "bench-study", { format: "jsonl" });

    // A worker process takes the job and dies in the middle of writing it.
    const worker = startChild("test/faults/run-export-job.ts", [job.id]);
    try {
      await until(async () => (await findExportJob(actor, job.id)).records > 0 || worker.process.exitCode !== null, "the worker has written records");
      // While its worker lives, no server's sweep takes the job away from it.
      expect(await requeueLostExportJobs()).toEqual([]);
      await killHard(worker);
    } finally {
      worker.process.kill("SIGKILL");
    }
    const lost = await findExportJob(actor, job.id);
    expect(lost).toMatchObject({ status: "running", path: null }); // shown as running, never as a file to download
    expect(lost.records).toBeLessThan(ANNOTATIONS);

    // A sweep (on any server) finds its heartbeat stopped and queues it again; it starts over.
    expect(await requeueLostExportJobs(0)).toEqual([job.id]);
    expect(await findExportJob(actor, job.id)).toMatchObject({ status: "queued" });
    const queue = await getExportQueue();
    const queued = await queue.fetch<{ jobId: string }>(EXPORT_QUEUE, { batchSize: 5 });
    // The first queue entry and the sweep's: the second run finds the job done and leaves it alone.
    expect(queued.map((q) => q.data.jobId)).toEqual([job.id, job.id]);
    for (const q of queued) {
      await runExportJob(q.data.jobId);
      await queue.complete(EXPORT_QUEUE, q.id);
    }
    const done = await findExportJob(actor, job.id);
    expect(done).toMatchObject({ status: "done", records: ANNOTATIONS });
    expect(lines(done.path!)).toBe(ANNOTATIONS);
    expect(partials(path.dirname(done.path!))).toEqual([]);
    expect(await getDb().exportJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ attempts: 2 });
  });
});
