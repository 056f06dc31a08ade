import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";

// Review-page figures for `npm run bench`:
// - server time to build the review page's payload (the assignment, rubric, annotation and every
//   piece of markdown rendered and sanitized) for an item whose reasoning trace is 20,000
//   characters, measured as p50/p95 over repeated loads after a warm-up;
// - first-load JavaScript of /review/[assignmentId], gzip, from the last `next build`.

/** A 20k-character chain of thought with the markdown a model really writes: lists, a table, math, code. */
export function reasoningTrace(chars = 20_000): string {
  const paragraphs = [
    "Step {n}. The patient is 67 with **exertional dyspnoea** and orthopnoea; BNP is raised, so heart failure stays on the list.",
    "Estimate creatinine clearance with Cockcroft–Gault: $CrCl = \\frac{(140 - age) \\times weight}{72 \\times S_{Cr}}$, about 48 mL/min here.",
    "| finding | supports | against |\n|---|---|---|\n| raised JVP | heart failure | — |\n| clear chest film | — | pneumonia |",
    "- Consider anaemia: Hb 10.9 g/dL is mild.\n- Consider COPD: 30 pack-years, but spirometry is pending.\n- Consider PE: Wells score is low.",
    "```\ndose = 0.5 mg/kg * 70 kg = 35 mg\n```\nRound to the available strength and re-check renal adjustment.",
  ];
  let text = "";
  for (let n = 1; text.length < chars; n++) text += paragraphs[n % paragraphs.length].replace("{n}", String(n)) + "\n\n";
  return text.slice(0, chars);
}

/**
 * Server time of the review payload: `warm`, the same assignment loaded again and again (its markdown
 * is in the render cache, lib/markdown/render-cache.ts, as for a reviewer's reloads and the k
 * reviewers of one response); `cold`, the first load of each of `coldRuns` items whose reasoning
 * differs (a render per load: the first reviewer to open a response).
 */
export async function measureReviewLoad(runs = 60, coldRuns = 12) {
  const { seedItems, seedProject, seedUser } = await import("@/lib/seed/factories");
  const { createBatch } = await import("@/lib/assignments/create-batch");
  const { loadAssignmentForReview } = await import("@/lib/assignments/load-for-review");
  const { getDb } = await import("@/lib/db/client");
  const admin = await seedUser({ role: "ADMIN" });
  const reviewer = await seedUser({ role: "REVIEWER" });
  const project = await seedProject(admin.id, { reviewersPerItem: 1 });
  const reasoning = reasoningTrace();
  // Item 0 is loaded warm; items 1… once each, cold. The run number in the text makes each one new.
  await seedItems(
    admin.id,
    project.id,
    Array.from({ length: coldRuns + 1 }, (_, n) => ({
      externalId: `long-reasoning-${n}`,
      question: "A 67-year-old with breathlessness on exertion: what is the most likely diagnosis and first step?",
      responses: [
        { modelName: "m1", content: `Most likely **heart failure** (${n}); start with an echocardiogram.`, reasoning: `Run ${n}. ${reasoning}` },
        { modelName: "m2", content: "Probably COPD; arrange spirometry.", reasoning: `Run ${n}. ${reasoning.slice(0, 8000)}` },
      ],
    })),
  );
  await createBatch(admin.id, project.id, { name: "bench", reviewerIds: [reviewer.id], perItem: 1, seed: 1 });
  const assignments = await getDb().assignment.findMany({ where: { reviewerId: reviewer.id }, include: { item: { select: { externalId: true } } } });
  const byItem = new Map(assignments.map((a) => [a.item.externalId, a.id]));
  const actor = { id: reviewer.id, role: reviewer.role, email: reviewer.email, name: reviewer.name };
  const warmId = byItem.get("long-reasoning-0")!;
  for (let i = 0; i < 5; i++) await loadAssignmentForReview(actor, warmId); // warm-up (JIT, pool, render cache)
  const time = async (id: string) => {
    const t0 = performance.now();
    await loadAssignmentForReview(actor, id);
    return performance.now() - t0;
  };
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(await time(warmId));
  const cold: number[] = [];
  for (let n = 1; n <= coldRuns; n++) cold.push(await time(byItem.get(`long-reasoning-${n}`)!));
  const at = (times: number[], q: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(warm, 0.5), p95: at(warm, 0.95), coldP50: at(cold, 0.5), coldP95: at(cold, 0.95), runs, coldRuns, reasoningChars: reasoning.length };
}

/** First-load JS of the review page from the last production build, or null when there is none. */
export function reviewPageBundle(root: string): { gzipBytes: number; rawBytes: number } | null {
  const stats = path.join(root, ".next/diagnostics/route-bundle-stats.json");
  if (!existsSync(stats)) return null;
  const routes = JSON.parse(readFileSync(stats, "utf8")) as Array<{ route: string; firstLoadChunkPaths: string[] }>;
  const review = routes.find((r) => r.route === "/review/[assignmentId]");
  if (!review) return null;
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const chunk of review.firstLoadChunkPaths) {
    const bytes = readFileSync(path.join(root, chunk));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { gzipBytes, rawBytes };
}
