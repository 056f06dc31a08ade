import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { itemSnippet } from "@/lib/items/snippet";
import { OPEN_STATUSES } from "./transition";
import { workGate } from "@/lib/qualification/gate";

export type QueueFilter = {
  projectSlug?: string;
  batchId?: string;
  /** "open" (default: to do and in progress), one status, or everything. */
  status?: "open" | "pending" | "in_progress" | "submitted" | "skipped" | "all";
};

const STATUS_WHERE: Record<NonNullable<QueueFilter["status"]>, Prisma.AssignmentWhereInput> = {
  open: { status: { in: [...OPEN_STATUSES] } },
  pending: { status: "PENDING" },
  in_progress: { status: "IN_PROGRESS" },
  submitted: { status: "SUBMITTED" },
  skipped: { status: "SKIPPED" },
  all: {},
};

export type QueueEntry = {
  id: string;
  status: string;
  /** "Item n" — the same number the review page shows (position in the reviewer's batch order). */
  number: number;
  snippet: string;
};

export type QueueGroup = {
  batchId: string;
  batchName: string;
  dueAt: Date | null;
  project: { name: string; slug: string };
  /** The reviewer's items in this batch, and how many are done (submitted or skipped). */
  total: number;
  done: number;
  entries: QueueEntry[];
};

/** Batches open to reviewers now: no opening time, or one already past. */
export function openNow(now = new Date()) {
  return { OR: [{ opensAt: null }, { opensAt: { lte: now } }] };
}

/** A study arm's second phase opens only once the same reviewer's first phase is submitted (lib/assignments/study-arms.ts). */
export const PHASE_OPEN = { OR: [{ precededById: null }, { precededBy: { status: "SUBMITTED" as const } }] } satisfies Prisma.AssignmentWhereInput;

/** Every rule that keeps an assignment from a reviewer's lists for now: the phase rule and the work gate (qualification, pause). */
export async function reachableFor(actorId: string, knownGate?: Prisma.AssignmentWhereInput): Promise<Prisma.AssignmentWhereInput> {
  const [gate, phases] = await Promise.all([knownGate ?? workGate(actorId), hasOpenSecondPhases(actorId)]);
  // The phase rule is a relation filter PostgreSQL evaluates per row (5,000 assignments: 23 → 131 ms):
  // only reviewers with an open second phase somewhere need it.
  return { AND: [phases ? PHASE_OPEN : {}, gate] };
}

/** Whether the reviewer has any open second phase of a study arm (one index probe). */
async function hasOpenSecondPhases(actorId: string): Promise<boolean> {
  const found = await getDb().assignment.findFirst({ where: { reviewerId: actorId, status: { in: [...OPEN_STATUSES] }, precededById: { not: null } }, select: { id: true } });
  return found !== null;
}

/**
 * Whether a reviewer may open, save or skip this assignment now: its batch has opened (repeats after
 * a washout) and any first phase it follows is submitted. The review page, saves and skips all ask
 * this; before then the assignment is "not found", as if it did not exist yet.
 */
export function isReachable(assignment: { batch: { opensAt: Date | null }; precededBy: { status: string } | null }, now = new Date()): boolean {
  return !(assignment.batch.opensAt && assignment.batch.opensAt > now) && (!assignment.precededBy || assignment.precededBy.status === "SUBMITTED");
}

/**
 * The reviewer's own assignments, grouped by project and batch (a batch's items in the reviewer's
 * order), filtered and paginated; every entry carries the item number the review page uses and a
 * snippet of the item so the reviewer can find one again.
 */
export async function loadReviewerQueue(actor: Actor, opts: { page?: number; pageSize?: number; filter?: QueueFilter } = {}) {
  const db = getDb();
  const pageSize = Math.min(Math.max(opts.pageSize ?? 50, 1), 200);
  // Clamped, so a hand-edited URL (page=1e400) pages past the end instead of failing.
  const page = Number.isFinite(opts.page) ? Math.min(Math.max(Math.floor(opts.page!), 1), 1_000_000) : 1;
  const filter = opts.filter ?? {};
  const where: Prisma.AssignmentWhereInput = {
    reviewerId: actor.id,
    ...STATUS_WHERE[filter.status ?? "open"],
    ...(filter.batchId ? { batchId: filter.batchId } : {}),
    // Archived projects leave the queue (lib/projects/archive.ts).
    // and batches that open later (repeat ratings after a washout) stay hidden until then.
    batch: { ...openNow(), project: { status: { not: "ARCHIVED" }, ...(filter.projectSlug ? { slug: filter.projectSlug } : {}) } },
    ...(await reachableFor(actor.id)),
  };
  const [counts, rows, total, batchTotals, batchDone, projects] = await Promise.all([
    db.assignment.groupBy({ by: ["status"], where: { reviewerId: actor.id }, _count: { _all: true } }),
    db.assignment.findMany({
      where,
      orderBy: [{ batch: { createdAt: "asc" } }, { batchId: "asc" }, { displayOrder: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        displayOrder: true,
        batchId: true,
        item: { select: { kind: true, input: true } },
        batch: { select: { name: true, dueAt: true, project: { select: { name: true, slug: true } } } },
      },
    }),
    db.assignment.count({ where }),
    db.assignment.groupBy({ by: ["batchId"], where: { reviewerId: actor.id }, _count: { _all: true } }),
    db.assignment.groupBy({ by: ["batchId"], where: { reviewerId: actor.id, status: { in: ["SUBMITTED", "SKIPPED"] } }, _count: { _all: true } }),
    // For the filter: every project and batch the reviewer has work in.
    db.batch.findMany({
      where: { assignments: { some: { reviewerId: actor.id } } },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, project: { select: { name: true, slug: true } } },
    }),
  ]);
  const totals = new Map(batchTotals.map((b) => [b.batchId, b._count._all]));
  const done = new Map(batchDone.map((b) => [b.batchId, b._count._all]));
  const groups: QueueGroup[] = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (!group || group.batchId !== row.batchId) {
      group = {
        batchId: row.batchId,
        batchName: row.batch.name,
        dueAt: row.batch.dueAt,
        project: row.batch.project,
        total: totals.get(row.batchId) ?? 0,
        done: done.get(row.batchId) ?? 0,
        entries: [],
      };
      groups.push(group);
    }
    group.entries.push({ id: row.id, status: row.status, number: row.displayOrder + 1, snippet: itemSnippet(row.item.kind, row.item.input) });
  }
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<string, number>>;
  return {
    counts: {
      pending: byStatus.PENDING ?? 0,
      inProgress: byStatus.IN_PROGRESS ?? 0,
      submitted: byStatus.SUBMITTED ?? 0,
      skipped: byStatus.SKIPPED ?? 0,
    },
    groups,
    firstOpenId: rows.find((r) => r.status === "PENDING" || r.status === "IN_PROGRESS")?.id ?? null,
    batches: projects,
    total,
    page,
    pageSize,
  };
}

export type NextAssignment = { id: string; scope: "batch" | "project" } | null;

/**
 * Where "submit and next" goes: the reviewer's next open item in the SAME batch (in their order,
 * wrapping round to items they passed over), then in another batch of the same project; never into
 * another study. Null when the project holds nothing more for them.
 */
export async function findNextAssignment(actor: Actor, current: { id: string; batchId: string; projectId: string; displayOrder: number }): Promise<NextAssignment> {
  const db = getDb();
  const open = { reviewerId: actor.id, status: { in: [...OPEN_STATUSES] }, id: { not: current.id }, batch: { ...openNow(), project: { status: { not: "ARCHIVED" as const } } } };
  // A study arm's assisted phase of this very item comes next: it opens as this one is submitted.
  const gate = await workGate(actor.id);
  const reachable = await reachableFor(actor.id, gate);
  const phase = await db.assignment.findFirst({ where: { ...open, AND: [gate], precededById: current.id }, select: { id: true } });
  if (phase) return { id: phase.id, scope: "batch" };
  const inBatch =
    (await db.assignment.findFirst({ where: { ...open, ...reachable, batchId: current.batchId, displayOrder: { gt: current.displayOrder } }, orderBy: { displayOrder: "asc" }, select: { id: true } })) ??
    (await db.assignment.findFirst({ where: { ...open, ...reachable, batchId: current.batchId }, orderBy: { displayOrder: "asc" }, select: { id: true } }));
  if (inBatch) return { id: inBatch.id, scope: "batch" };
  const inProject = await db.assignment.findFirst({
    where: { ...open, ...reachable, batch: { ...openNow(), projectId: current.projectId, project: { status: { not: "ARCHIVED" } } } },
    orderBy: [{ batch: { createdAt: "asc" } }, { displayOrder: "asc" }],
    select: { id: true },
  });
  return inProject ? { id: inProject.id, scope: "project" } : null;
}

/** The next open assignment after the given one, for /review/next (the same rule as findNextAssignment). */
export async function findNextAssignmentId(actor: Actor, afterId?: string): Promise<string | null> {
  const db = getDb();
  const current = afterId
    ? await db.assignment.findFirst({ where: { id: afterId, reviewerId: actor.id }, select: { id: true, batchId: true, displayOrder: true, batch: { select: { projectId: true } } } })
    : null;
  if (current) return (await findNextAssignment(actor, { ...current, projectId: current.batch.projectId }))?.id ?? null;
  const first = await db.assignment.findFirst({
    where: { reviewerId: actor.id, status: { in: [...OPEN_STATUSES] }, batch: { ...openNow(), project: { status: { not: "ARCHIVED" } } }, ...(await reachableFor(actor.id)) },
    orderBy: [{ batch: { createdAt: "asc" } }, { displayOrder: "asc" }],
    select: { id: true },
  });
  return first?.id ?? null;
}
