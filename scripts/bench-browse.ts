/**
 * Item browser, progress dashboard and audit log server time for `npm run bench -- --only browse` (issue 10: p95 under
 * 150 ms at 100k items): the study of scripts/bench-data.ts with 2 reviews per item, then each query
 * `runs` times after a warm-up, p50 / p95. The deep page shows that keyset paging stays flat.
 */
import type pg from "pg";

export type BrowseFigure = { name: string; p50: number; p95: number };

/** p50 / p95 of `runs` timed calls after 3 of warm-up. */
async function timeRuns(runs: number, run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await run();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { p50: t[Math.floor(runs / 2)], p95: t[Math.ceil(runs * 0.95) - 1] };
}

/**
 * The progress dashboard (whole project and one batch) on `annotations` submitted assignments by
 * `reviewers` reviewers, and as a baseline the same per-reviewer counts aggregated from the
 * assignments themselves (what the dashboard did before decision 027).
 */
export async function measureDashboard(client: pg.Client, annotations: number, reviewers: number, runs = 30) {
  const { generateStudy } = await import("./bench-data");
  const t0 = performance.now();
  const study = await generateStudy(client, annotations, reviewers);
  const generateMs = performance.now() - t0;
  await client.query("ANALYZE");
  const { getDb } = await import("@/lib/db/client");
  const { loadProjectDashboard } = await import("@/lib/assignments/dashboard");
  const user = await getDb().user.findUniqueOrThrow({ where: { id: study.adminId } });
  const actor = { id: user.id, role: user.role, email: user.email, name: user.name };
  const batch = await getDb().batch.findFirstOrThrow({ where: { projectId: study.projectId } });
  const figures: BrowseFigure[] = [
    { name: "progress dashboard, whole project", ...(await timeRuns(runs, () => loadProjectDashboard(actor, study.projectId))) },
    { name: "progress dashboard, one batch", ...(await timeRuns(runs, () => loadProjectDashboard(actor, study.projectId, { batchId: batch.id }))) },
  ];
  const baseline = await timeRuns(5, () =>
    client.query(`SELECT "reviewerId", count(*) FILTER (WHERE status = 'SUBMITTED'), count(*) FILTER (WHERE status = 'PENDING'), sum("timeOnTaskMs") FROM "Assignment" WHERE "batchId" = $1 GROUP BY 1`, [batch.id]),
  );
  return { figures, baselineP50: baseline.p50, generateMs };
}

export async function measureBrowse(client: pg.Client, items: number, runs = 30): Promise<{ items: number; figures: BrowseFigure[] }> {
  const { generateStudy } = await import("./bench-data");
  const study = await generateStudy(client, items * 2);
  const { getDb } = await import("@/lib/db/client");
  const { browseItems } = await import("@/lib/items/browse-items");
  const { loadItemDetail } = await import("@/lib/items/item-detail");
  const { listAuditEvents } = await import("@/lib/audit/list-audit");
  const { loadProjectDashboard } = await import("@/lib/assignments/dashboard");
  const user = await getDb().user.findUniqueOrThrow({ where: { id: study.adminId } });
  const actor = { id: user.id, role: user.role, email: user.email, name: user.name };
  const first = await browseItems(actor, study.projectId, {});
  let deep = first.nextCursor!;
  for (let i = 0; i < 400 && deep; i++) deep = (await browseItems(actor, study.projectId, { cursor: deep })).nextCursor!;
  const figures: BrowseFigure[] = [];
  const time = async (name: string, run: () => Promise<unknown>) => {
    figures.push({ name, ...(await timeRuns(runs, run)) });
  };
  await time("item browser, first page", () => browseItems(actor, study.projectId, {}));
  await time("item browser, page 401 (keyset)", () => browseItems(actor, study.projectId, { cursor: deep }));
  await time("item browser, specialty + no gold", () => browseItems(actor, study.projectId, { specialty: "neurology", gold: "exclude" }));
  await time("item browser, review complete", () => browseItems(actor, study.projectId, { review: "complete" }));
  await time("item browser, not in a batch (no item matches: every item read)", () => browseItems(actor, study.projectId, { review: "unbatched" }));
  await time("item page (item, 2 responses, 2 annotations)", () => loadItemDetail(actor, study.projectId, first.items[0].id));
  await time("audit log, first page", () => listAuditEvents(actor, {}));
  await time("progress dashboard, whole project", () => loadProjectDashboard(actor, study.projectId));
  return { items: study.items, figures };
}
