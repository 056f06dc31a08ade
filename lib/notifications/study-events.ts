import { getDb } from "@/lib/db/client";
import { pseudonymizeReviewer } from "@/lib/export/pseudonym";
import { emitProjectEvent } from "@/lib/webhooks/emit";
import { notify } from "./notifications";

// What happens after the study changes, for people (in-app notices) and systems (webhooks). Each
// is called after the change committed and never throws into the caller: the work is saved.

const logged = (what: string) => (error: unknown) => console.error(`consilium: ${what} failed:`, error);

/** A batch was created: each reviewer with work in it hears of it once. */
export async function batchAssigned(batchIds: string[]): Promise<void> {
  const db = getDb();
  const batches = await db.batch.findMany({ where: { id: { in: batchIds } }, select: { id: true, name: true, dueAt: true, opensAt: true, project: { select: { name: true } } } });
  const tallies = await db.assignmentTally.findMany({ where: { batchId: { in: batchIds } }, select: { batchId: true, reviewerId: true, pending: true } });
  const byId = new Map(batches.map((b) => [b.id, b]));
  await notify(
    tallies
      .filter((t) => t.pending > 0)
      .map((t) => {
        const b = byId.get(t.batchId)!;
        return {
          userId: t.reviewerId,
          kind: "batch_assigned" as const,
          data: { batchName: b.name, projectName: b.project.name, count: t.pending, dueAt: b.dueAt?.toISOString() ?? null, opensAt: b.opensAt?.toISOString() ?? null },
          href: "/queue",
          dedupeKey: `assigned:${b.id}`,
        };
      }),
  ).catch(logged("batch notices"));
}

/** A reviewer submitted: the webhook event, then the batch's completion if that was its last open work. */
export async function assignmentSubmitted(assignmentId: string): Promise<void> {
  const db = getDb();
  const a = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: { id: true, batchId: true, reviewerId: true, submittedAt: true, item: { select: { externalId: true } }, batch: { select: { name: true, projectId: true, project: { select: { pseudonymSalt: true } } } } },
  });
  if (!a) return;
  await emitProjectEvent(
    a.batch.projectId,
    "assignment.submitted",
    { assignmentId: a.id, batchId: a.batchId, batchName: a.batch.name, itemId: a.item.externalId, reviewer: pseudonymizeReviewer(a.batch.project.pseudonymSalt, a.reviewerId), submittedAt: a.submittedAt?.toISOString() ?? null },
    { dedupeKey: `submitted:${a.id}` },
  );
  await batchCompletedIfDone(a.batchId).catch(logged("batch completion"));
}

async function batchCompletedIfDone(batchId: string): Promise<void> {
  const db = getDb();
  const open = await db.assignmentTally.aggregate({ where: { batchId }, _sum: { pending: true, inProgress: true, submitted: true, skipped: true } });
  if ((open._sum.pending ?? 0) + (open._sum.inProgress ?? 0) > 0) return;
  const batch = await db.batch.findUniqueOrThrow({
    where: { id: batchId },
    select: { id: true, name: true, createdById: true, projectId: true, project: { select: { name: true, slug: true, members: { where: { role: "MANAGER" }, select: { userId: true } } } } },
  });
  const facts = { batchId: batch.id, batchName: batch.name, submitted: open._sum.submitted ?? 0, skipped: open._sum.skipped ?? 0 };
  await emitProjectEvent(batch.projectId, "batch.completed", facts, { dedupeKey: `completed:${batch.id}` });
  const managers = new Set([batch.createdById, ...batch.project.members.map((m) => m.userId)]);
  await notify(
    [...managers].map((userId) => ({
      userId,
      kind: "batch_completed" as const,
      data: { batchName: batch.name, projectName: batch.project.name, submitted: facts.submitted, skipped: facts.skipped },
      href: `/projects/${batch.project.slug}/batches/${batch.id}`,
      dedupeKey: `completed:${batch.id}`,
    })),
  );
}

/** A background export finished: the webhook event and a notice for whoever asked for it. */
export async function exportReady(jobId: string): Promise<void> {
  const job = await getDb().exportJob.findUnique({ where: { id: jobId }, select: { id: true, format: true, records: true, fileName: true, requestedById: true, projectId: true, project: { select: { name: true, slug: true } } } });
  if (!job) return;
  const href = `/api/v1/export-jobs/${job.id}/download`;
  await emitProjectEvent(job.projectId, "export.ready", { exportJobId: job.id, format: job.format, records: job.records, fileName: job.fileName, download: href }, { dedupeKey: `export:${job.id}` });
  await notify([{ userId: job.requestedById, kind: "export_ready", data: { projectName: job.project.name, format: job.format, records: job.records }, href, dedupeKey: `export:${job.id}` }]).catch(logged("export notice"));
}

/** Items were imported (all-or-nothing, so only a whole import is reported). */
export async function importFinished(projectId: string, facts: { imported: number; responses: number; fileName?: string | null }): Promise<void> {
  await emitProjectEvent(projectId, "import.finished", { imported: facts.imported, responses: facts.responses, fileName: facts.fileName ?? null });
}
