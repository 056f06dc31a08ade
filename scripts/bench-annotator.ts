import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS } from "../playwright.config";
import { abstractsText, denseAnnotation } from "./bench-annotator-data";
import { installKeyLatencyProbe, percentile, pressAndMeasure, reviewerKeystrokes, type KeyKind, type Keystroke } from "./bench-annotator-keys";

// The argument annotator's input latency for `npm run bench` (issue 8): keystroke to paint on the
// REAL review page of the production build, in Debian's Chromium, for a ~20,000-character note with
// 300 spans (nested and overlapping) and 300 relations. Seeds its own reviewer, project, item,
// batch and draft annotation in the bench database through lib/ functions (the draft with
// saveAnnotation, the function the autosave route calls, so the server's checks pass), serves the
// build with scripts/serve.ts (the production server `npm start` and the e2e run use) on its own
// port, signs in through the login page, and types ~200 keys (scripts/bench-annotator-keys.ts).
// Expects DATABASE_URL to point at the bench database (bench.ts sets it before importing this).

const PASSWORD = "bench-annotator-password";
const SECRET = "bench-secret-not-for-production";
const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-v8.cpu_profiler", "v8.execute", "blink.user_timing", "latencyInfo"];

export type AnnotatorFigures = {
  p50: number; p95: number; max: number; keys: number; warmUpKeys: number;
  textChars: number; spans: number; relations: number; finalSpans: number; finalRelations: number; savedVersion: number;
  byKind: Array<{ kind: KeyKind; count: number; p50: number; max: number }>;
};

async function seedAnnotatorStudy() {
  const { seedItems, seedUser } = await import("@/lib/seed/factories");
  const { createProject } = await import("@/lib/projects/create-project");
  const { createBatch } = await import("@/lib/assignments/create-batch");
  const { saveAnnotation } = await import("@/lib/annotations/save-annotation");
  const { emptyAnnotationData } = await import("@/lib/annotations/schema");
  const { getDb } = await import("@/lib/db/client");
  const admin = await seedUser({ role: "ADMIN" });
  const reviewer = await seedUser({ role: "REVIEWER", password: PASSWORD });
  const project = await createProject(admin.id, {
    name: "Annotator benchmark", slug: `bench-annotator-${randomUUID().slice(0, 8)}`, guidelines: "Mark claims, premises and their relations.",
    template: "argument-structure", blinded: true, randomizeOrder: false, reviewersPerItem: 1,
  });
  const { text, sentences } = abstractsText();
  const annotation = denseAnnotation(text, sentences);
  await seedItems(admin.id, project.id, [{ kind: "note", externalId: "bench-abstracts", text, responses: [] }]);
  await createBatch(admin.id, project.id, { name: "annotator bench", reviewerIds: [reviewer.id], perItem: 1, seed: 1 });
  const assignment = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id } });
  const actor = { id: reviewer.id, role: reviewer.role, email: reviewer.email, name: reviewer.name };
  const saved = await saveAnnotation(actor, assignment.id, {
    baseVersion: 0, clientMutationId: randomUUID(), data: { ...emptyAnnotationData(), arguments: { "item.text": annotation } },
  });
  if (saved.status !== "saved") throw new Error(`The benchmark's draft was not saved: ${JSON.stringify(saved).slice(0, 500)}`);
  return { email: reviewer.email, assignmentId: assignment.id, text, annotation };
}

/** Newest modification time under the folders the client bundle is built from. */
function newestSource(root: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full);
      } else if (/\.(tsx?|css)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(path.join(root, dir));
  return newest;
}

/** A production build: built under the shared heavy-work lock when there is none; a stale one is reported, not rebuilt. */
function ensureProductionBuild(root: string, log: (msg: string) => void) {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (existsSync(buildId)) {
    if (newestSource(root) > statSync(buildId).mtimeMs) log("WARNING: sources changed since the last `next build`; the annotator is measured on the old build (run `npm run build`)");
    return;
  }
  log("no production build (.next/BUILD_ID): building under flock /tmp/consilium-heavy.lock…");
  const build = spawnSync("flock", ["/tmp/consilium-heavy.lock", path.join(root, "node_modules/.bin/next"), "build"], {
    cwd: root, stdio: ["ignore", process.stderr, process.stderr], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status}).`);
}

/** The production server in its own process group (so stopping it stops next-server too); resolves once /login answers. */
async function startServer(root: string, port: number, databaseUrl: string): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root, detached: true, stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: base, NEXTAUTH_SECRET: SECRET, NEXT_TELEMETRY_DISABLED: "1" },
  });
  let stderr = "";
  server.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<never>((_, reject) => server.once("exit", (code) => reject(new Error(`The server on port ${port} exited (${code}): ${stderr.slice(-2000)}`))));
  const ready = (async () => {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const ok = await fetch(`${base}/login`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100)); // polling a starting server, not timing anything
    }
    throw new Error(`The server on port ${port} did not answer /login within 60 s: ${stderr.slice(-2000)}`);
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    stopServer(server);
    throw error;
  }
  exited.catch(() => {}); // stopping it later is expected
  return server;
}

function stopServer(server: ChildProcess) {
  if (server.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

export async function measureAnnotator(opts: { root: string; databaseUrl: string; port: number; log: (msg: string) => void }): Promise<AnnotatorFigures> {
  const { root, port, log } = opts;
  const study = await seedAnnotatorStudy();
  log(`annotator: ${study.text.length} characters, ${study.annotation.spans.length} spans, ${study.annotation.relations.length} relations seeded`);
  ensureProductionBuild(root, log);
  const server = await startServer(root, port, opts.databaseUrl);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ baseURL: `http://127.0.0.1:${port}`, viewport: { width: 1400, height: 1000 } });
    await page.addInitScript(installKeyLatencyProbe);
    // Sign in as a reviewer does: the login form, then the page "/" redirects to.
    await page.goto("/login");
    await page.locator("#email").fill(study.email);
    await page.locator("#password").fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto(`/review/${study.assignmentId}`);
    await page.locator('[data-hydrated="true"]').waitFor();
    const annotator = page.getByTestId("argument-annotator").first();
    const counts = annotator.getByTestId("argument-counts");
    const shown = await counts.textContent();
    if (!shown?.startsWith(`${study.annotation.spans.length} spans · ${study.annotation.relations.length} relations`)) throw new Error(`The annotator shows "${shown}", not the seeded draft.`);
    await annotator.focus();

    // Warm-up (not measured): a few caret moves and Esc, so the first measured key is not the page's first input.
    const warmUp: Keystroke[] = [...Array.from({ length: 4 }, () => ({ key: "ArrowRight", kind: "caret" as const })), { key: "Escape", kind: "escape" }];
    await pressAndMeasure(page, warmUp, 0);
    // BENCH_ANNOTATOR_TRACE=<file.json>: a Chromium performance trace of the measured keys (open it in DevTools' Performance panel).
    const trace = process.env.BENCH_ANNOTATOR_TRACE;
    if (trace) await browser.startTracing(page, { path: path.resolve(trace), categories: TRACE_CATEGORIES });
    const results = await pressAndMeasure(page, reviewerKeystrokes(), warmUp.length);
    if (trace) await browser.stopTracing();

    // Every edit reached the server: the autosave says saved, and the stored draft has what the page shows.
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
    const final = /^(\d+) spans · (\d+) relations/.exec((await counts.textContent()) ?? "");
    if (!final) throw new Error("The annotator's counts are not shown after the run.");
    const { getDb } = await import("@/lib/db/client");
    const stored = await getDb().annotation.findFirstOrThrow({ where: { assignmentId: study.assignmentId } });
    const block = (stored.data as { arguments?: Record<string, { spans: unknown[]; relations: unknown[] }> }).arguments?.["item.text"];
    if (block?.spans.length !== Number(final[1]) || block?.relations.length !== Number(final[2])) {
      throw new Error(`The stored draft has ${block?.spans.length} spans and ${block?.relations.length} relations; the page shows ${final[0]}.`);
    }

    const ms = results.map((r) => r.ms);
    const kinds = [...new Set(results.map((r) => r.kind))];
    return {
      p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), max: Math.max(...ms), keys: results.length, warmUpKeys: warmUp.length,
      textChars: study.text.length, spans: study.annotation.spans.length, relations: study.annotation.relations.length,
      finalSpans: Number(final[1]), finalRelations: Number(final[2]), savedVersion: stored.version,
      byKind: kinds.map((kind) => {
        const of = results.filter((r) => r.kind === kind).map((r) => r.ms);
        return { kind, count: of.length, p50: percentile(of, 0.5), max: Math.max(...of) };
      }),
    };
  } finally {
    await browser.close().catch(() => {});
    stopServer(server);
  }
}
