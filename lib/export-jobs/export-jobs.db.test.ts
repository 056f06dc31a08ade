import { readFile, rm } from "node:fs/promises";
import { unzipSync } from "fflate";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/auth/permissions";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { getDb } from "@/lib/db/client";
import { prepareExport } from "@/lib/export/prepare-export";
import { runExport } from "@/lib/export/run-export";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { findExportJob, listExportJobs, runExportJob, startExportJob } from "./export-jobs";
import { EXPORT_QUEUE, getExportQueue, stopExportQueue } from "./queue";

const dir = path.join(os.tmpdir(), `consilium-exports-${process.pid}`);
beforeAll(() => {
  process.env.CONSILIUM_EXPORT_DIR = dir;
});
afterAll(async () => {
  await stopExportQueue();
  await rm(dir, { recursive: true, force: true });
});

async function submittedStudy() {
  const study = await seedStudy({ items: 3 });
  for (const a of study.assignments) {
    const reviewer = study.reviewers.find((r) => r.id === a.reviewerId)!;
    await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `x-${a.id}`, data: { ...emptyAnnotationData(), ...completeRatings(a.responseOrder) }, submit: true });
  }
  return study;
}

describe("background exports", () => {
  it("write the multi-file formats as the download's zip (Parquet tables and the manifest)", async () => {
    const { researcher, project } = await submittedStudy();
    const job = await startExportJob(asActor(researcher), project.slug, { format: "parquet" });
    const queue = await getExportQueue();
    const [queued] = await queue.fetch<{ jobId: string }>(EXPORT_QUEUE);
    expect(queued.data.jobId).toBe(job.id);
    await runExportJob(queued.data.jobId);
    await queue.complete(EXPORT_QUEUE, queued.id);
    const done = await findExportJob(asActor(researcher), job.id);
    expect(done).toMatchObject({ status: "done" });
    expect(done.fileName).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile(done.path!)));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["manifest.json", "annotations.parquet", "ratings.parquet"]));
    expect(JSON.parse(new TextDecoder().decode(files["manifest.json"]))).toMatchObject({ format: "parquet" });
  });

  it("are queued in pg-boss, survive a restart of the queue, and write the same file as the download", async () => {
    const { researcher, outsider, reviewers, admin, project } = await submittedStudy();
    const job = await startExportJob(asActor(researcher), project.slug, { format: "jsonl" });
    expect(job).toMatchObject({ status: "queued", expectedRecords: 6, records: 0 });

    // The server stops before any worker took the job; a new process's queue still has it.
    await stopExportQueue();
    const queue = await getExportQueue();
    const [queued] = await queue.fetch<{ jobId: string }>(EXPORT_QUEUE);
    expect(queued.data.jobId).toBe(job.id);
    await runExportJob(queued.data.jobId);
    await queue.complete(EXPORT_QUEUE, queued.id);

    const done = await findExportJob(asActor(researcher), job.id);
    expect(done).toMatchObject({ status: "done", records: 6 });
    let direct = "";
    const { format, filter } = await prepareExport(asActor(researcher), project.slug, { format: "jsonl" });
    for await (const chunk of runExport({ actorId: researcher.id, format, filter })) direct += chunk;
    const file = await readFile(done.path!, "utf8");
    // The same bytes as the download link gives (texts included, as the download's default).
    expect(file.split("\n")).toHaveLength(7);
    expect(file).toBe(direct);
    expect(done.bytes).toBe(Buffer.byteLength(file));

    // Only the requester and admins see a job; others get "not found".
    expect((await listExportJobs(asActor(researcher), project.slug)).map((j) => j.id)).toEqual([job.id]);
    expect((await listExportJobs(asActor(admin), project.slug)).map((j) => j.id)).toEqual([job.id]);
    await expect(findExportJob(asActor(outsider), job.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(startExportJob(asActor(reviewers[0]), project.slug, { format: "jsonl" })).rejects.toThrow();
  });

  it("refuse a bad query before queueing, and record a failure with its reason when access ends while queued", async () => {
    const { researcher, project } = await submittedStudy();
    await expect(startExportJob(asActor(researcher), project.slug, { format: "xml" })).rejects.toThrow(/format must be/);
    await expect(startExportJob(asActor(researcher), project.slug, { format: "csv", identifyReviewers: "true" })).rejects.toThrow(/Only the project.s managers/);
    const job = await startExportJob(asActor(researcher), project.slug, { format: "csv" });
    await getDb().projectMember.deleteMany({ where: { projectId: project.id, userId: researcher.id } });
    await expect(runExportJob(job.id)).rejects.toThrow();
    const row = await getDb().exportJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "failed", fileName: null });
    expect(row.error).toMatch(/not found/i);
  });
});
