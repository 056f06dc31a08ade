/**
 * `npm run bench`: export throughput against a raw PostgreSQL COPY of the same rows.
 *
 *   npm run bench [-- --annotations N] [--only export|annotator|agreement|browse|dashboard|import] [--items N] [--reviewers N] [--port P] [--json] [--keep-db]
 *
 * 1. Database: BENCH_PG_URL (a local server URL) if set, else a private cluster in .data/bench-pg.
 *    A fresh `consilium_bench` database is created there, migrated, and DATABASE_URL points at it
 *    before any Prisma-using module is imported.
 * 2. Data: N submitted annotations (default 100,000) generated with set-based SQL (scripts/bench-data.ts).
 * 3. Measure, in this process and in this order: warm-up (COPY of 1,000 rows, first chunk of each
 *    export format), COPY baseline, JSONL export (the real runExport path), CSV export.
 *    Peak RSS is sampled every 50 ms during each export only; GC is never forced.
 *    Then the review page: server time of its payload (scripts/bench-review.ts), and the argument
 *    annotator's keystroke-to-paint latency in Chromium on the production build, served on --port
 *    (default 3170; scripts/bench-annotator.ts). `--only export` runs the export and review-server
 *    part alone, `--only annotator` the annotator part alone (no 100k-annotation data set).
 *    `--only browse` (never part of the full run: it has its own data set) times the item browser, the
 *    item page and the audit log on --items items (default 100,000) with 2 reviews each.
 *    `--only dashboard` (its own data set too) times the progress dashboard on --annotations submitted
 *    assignments by --reviewers reviewers (issue 10: p95 < 150 ms at 1M annotations, 200 reviewers).
 *    `--only import` (its own data set) times the CLI import of --items two-response items against
 *    COPY FROM of the same rows, and the CLI process's peak RSS (issue 14: ≥ 50 % of COPY, < 300 MB).
 * 4. Report a table, or with --json one line per figure:
 *    {"figure", "value", "unit", "baseline", "ratio"} (ratio = value / baseline).
 * 5. Clean up: disconnect Prisma, drop the bench database (unless --keep-db), stop our own cluster.
 *
 * To add a figure, push another record with addFigure(); both output modes pick it up.
 * Progress goes to stderr so `--json` output on stdout stays machine-readable.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { migrateDatabase } from "@/lib/db/migrate";
import { assertLocalUrl, withDatabase } from "@/test/db/urls";
import { startPostgresCluster } from "./local-db";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BENCH_DB = "consilium_bench";

const { values: opts } = parseArgs({
  options: {
    annotations: { type: "string", default: "100000" },
    items: { type: "string", default: "100000" },
    json: { type: "boolean", default: false },
    "keep-db": { type: "boolean", default: false },
    only: { type: "string" },
    reviewers: { type: "string", default: "200" },
    port: { type: "string", default: "3170" },
  },
});
const PARTS = ["export", "annotator", "agreement", "browse", "dashboard", "import"] as const;
if (opts.only !== undefined && !(PARTS as readonly string[]).includes(opts.only)) throw new Error(`--only takes ${PARTS.join(" or ")} (got ${opts.only})`);
const runs = (part: (typeof PARTS)[number]) => opts.only === undefined || opts.only === part;
const PORT = Number(opts.port);
if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) throw new Error(`--port must be a TCP port (got ${opts.port})`);
const N = Number(opts.annotations);
if (!Number.isInteger(N) || N < 2) throw new Error(`--annotations must be an integer >= 2 (got ${opts.annotations})`);

const log = (msg: string) => console.error(`bench: ${msg}`);
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const mb = (bytes: number) => bytes / 1024 / 1024;

// ---- Figures: every measurement is one record, printed the same way in both output modes. ----

type Figure = { figure: string; label: string; value: number; unit: string; baseline: number | null; ratio: number | null };
const figures: Figure[] = [];
const notes: string[] = []; // extra human-readable context (bytes, seconds), table mode only

function addFigure(figure: string, label: string, value: number, unit: string, baseline: number | null = null) {
  figures.push({ figure, label, value, unit, baseline, ratio: baseline ? value / baseline : null });
}

const fmt = (n: number | null, digits?: number) =>
  n === null ? "—" : n.toLocaleString("en-US", { maximumFractionDigits: digits ?? (Math.abs(n) < 10 ? 2 : Math.abs(n) < 1000 ? 1 : 0) });

function printFigures(title: string) {
  if (opts.json) {
    for (const { figure, value, unit, baseline, ratio } of figures) {
      const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
      console.log(JSON.stringify({ figure, value: round(value), unit, baseline: round(baseline), ratio: round(ratio) }));
    }
    return;
  }
  const rows = [["figure", "value", "unit", "baseline", "ratio"], ...figures.map((f) => [f.label, fmt(f.value), f.unit, fmt(f.baseline), fmt(f.ratio, 3)])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`\n${title}\n`);
  rows.forEach((r, i) => {
    console.log(r.map((cell, c) => (c === 0 || c === 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  });
  console.log("");
  for (const note of notes) console.log(`  ${note}`);
}

// ---- Measurements ----

function countNewlines(chunk: string | Buffer): number {
  let count = 0;
  for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) count++;
  return count;
}

/**
 * The rows the export reads, as one SQL query: annotation ⋈ assignment ⋈ batch ⋈ reviewer ⋈ item,
 * plus the item's responses (id, label, modelName) in position order, in the export's id order.
 */
function exportEquivalentSql(projectId: string, withTexts = false) {
  // With texts: the item's input and reference and each response's content, reasoning and answer,
  // as the JSONL export with texts carries them (its "same rows").
  const texts = withTexts ? `, 'content', r.content, 'reasoning', r.reasoning, 'answer', r.answer` : "";
  return `SELECT a.id, a.version, a.data, a."submittedAt", a."itemId",
                 s.id AS "assignmentId", s."reviewerId", s."responseOrder", s."timeOnTaskMs", b.name AS batch, u.email, i."externalId",
                 ${withTexts ? `i.input, i.reference,` : ""}
                 (SELECT json_agg(json_build_object('id', r.id, 'label', r.label, 'modelName', r."modelName"${texts}) ORDER BY r.position)
                    FROM "Response" r WHERE r."itemId" = a."itemId") AS responses
          FROM "Annotation" a
          JOIN "Assignment" s ON s.id = a."assignmentId"
          JOIN "Batch" b ON b.id = s."batchId"
          JOIN "User" u ON u.id = s."reviewerId"
          JOIN "Item" i ON i.id = a."itemId"
          WHERE a.kind = 'REVIEW' AND a."submittedAt" IS NOT NULL AND b."projectId" = ${pg.escapeLiteral(projectId)}
          ORDER BY a.id`;
}

/** Raw baseline: COPY (query) TO STDOUT in text format, drained and counted, nothing parsed. */
async function measureCopy(client: pg.Client, sql: string) {
  const t0 = performance.now();
  let bytes = 0;
  let rows = 0;
  for await (const chunk of client.query(copyTo(`COPY (${sql}) TO STDOUT`)) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    rows += countNewlines(chunk); // text format escapes newlines inside values: one line per row
  }
  return { seconds: seconds(t0), bytes, rows };
}

type RunExport = typeof import("@/lib/export/run-export").runExport;


/** The real export path, drained in memory (no file or socket), with RSS sampled every 50 ms. */
async function measureExport(runExport: RunExport, format: "jsonl" | "csv", actorId: string, projectId: string, includeContent = format === "jsonl") {
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 50);
  let records = 0;
  let bytes = 0;
  let lines = 0;
  const t0 = performance.now();
  try {
    // As the API serves it by default: every status (submitted, then skipped), JSONL with item and response texts.
    for await (const chunk of runExport({ actorId, filter: { projectId, status: "all", includeContent }, format, onRecord: () => records++ })) {
      bytes += Buffer.byteLength(chunk);
      lines += countNewlines(chunk);
    }
  } finally {
    clearInterval(sampler);
  }
  const elapsed = seconds(t0);
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  return { seconds: elapsed, records, bytes, lines, rssBefore, rssPeak };
}

// ---- Parts ----

/** Export throughput against COPY, and the review page's server time and bundle: returns the table's title. */
async function measureExportPart(client: pg.Client): Promise<string> {
  const { runExport } = await import("@/lib/export/run-export");
  const { generateStudy } = await import("./bench-data");
  const { measureReviewLoad, reviewPageBundle } = await import("./bench-review");

  // 2. Data.
  log(`generating ${N.toLocaleString("en-US")} annotations…`);
  const t0 = performance.now();
  const study = await generateStudy(client, N);
  const generationSeconds = seconds(t0);
  const { rows: [size] } = await client.query<{ bytes: string; version: string }>(
    `SELECT pg_database_size(current_database()) AS bytes, current_setting('server_version') AS version`,
  );
  log(`generated in ${generationSeconds.toFixed(1)} s (${mb(Number(size.bytes)).toFixed(0)} MB on disk)`);

  // 3. Warm-up: a short COPY, and the first chunk (first page) of each export format.
  const sql = exportEquivalentSql(study.projectId);
  await measureCopy(client, `${sql} LIMIT 1000`);
  for (const format of ["jsonl", "csv"] as const) {
    const chunks = runExport({ actorId: study.adminId, filter: { projectId: study.projectId }, format });
    await chunks.next();
    await chunks.return(undefined); // stop after the first chunk, like a client that hangs up
  }

  log("COPY baselines (without and with texts)…");
  const copy = await measureCopy(client, sql);
  const copyTexts = await measureCopy(client, exportEquivalentSql(study.projectId, true));
  log(`JSONL export… (COPY: ${copy.seconds.toFixed(2)} s, with texts ${copyTexts.seconds.toFixed(2)} s)`);
  const jsonl = await measureExport(runExport, "jsonl", study.adminId, study.projectId);
  log(`JSONL export without texts… (JSONL: ${jsonl.seconds.toFixed(2)} s)`);
  const jsonlBare = await measureExport(runExport, "jsonl", study.adminId, study.projectId, false);
  log(`CSV export… (JSONL without texts: ${jsonlBare.seconds.toFixed(2)} s)`);
  const csv = await measureExport(runExport, "csv", study.adminId, study.projectId);
  log(`CLI JSONL export in its own process… (CSV: ${csv.seconds.toFixed(2)} s)`);
  const { measureCliExport } = await import("./bench-cli-export");
  const cli = await measureCliExport(client, study.projectId, { root: ROOT, countNewlines });
  log(`done (CLI: ${cli.seconds.toFixed(2)} s)`);

  log("Parquet export (tables of the dataset export, texts included)…");
  const { measureParquetExport } = await import("./bench-parquet");
  const parquet = await measureParquetExport({ actorId: study.adminId, projectId: study.projectId, includeContent: true });

  log("results page figures (rubric results and agreement, server side)…");
  const results = await measureResults(study.adminId, study.projectId);

  log("review page server time (20k-character reasoning)…");
  const review = await measureReviewLoad();
  const bundle = reviewPageBundle(ROOT);

  for (const [name, got] of [["COPY", copy.rows], ["COPY with texts", copyTexts.rows], ["JSONL", jsonl.lines], ["JSONL without texts", jsonlBare.lines], ["CSV", csv.records], ["CLI JSONL", cli.lines]] as const) {
    if (got !== N) log(`WARNING: ${name} produced ${got} records, expected ${N}`);
  }

  // 4. Figures (rows = annotations: one COPY row, one JSONL line, or ~25 CSV lines each).
  const copyRate = N / copy.seconds;
  addFigure("generation_s", "data generation time", generationSeconds, "s");
  addFigure("dataset_annotations", "dataset size (annotations)", N, "annotations");
  addFigure("dataset_db_mb", "dataset size (database on disk)", mb(Number(size.bytes)), "MB");
  const copyTextsRate = N / copyTexts.seconds;
  addFigure("copy_rows_per_s", "COPY rows/s (baseline, without texts)", copyRate, "rows/s");
  addFigure("copy_texts_rows_per_s", "COPY rows/s with item and response texts (baseline)", copyTextsRate, "rows/s");
  addFigure("export_jsonl_rows_per_s", "JSONL export rows/s (with texts, the default)", jsonl.lines / jsonl.seconds, "rows/s", copyTextsRate);
  addFigure("export_jsonl_bare_rows_per_s", "JSONL export rows/s without texts (--no-content)", jsonlBare.lines / jsonlBare.seconds, "rows/s", copyRate);
  addFigure("export_jsonl_peak_rss_mb", "JSONL export peak RSS (bench process)", mb(jsonl.rssPeak), "MB");
  addFigure("export_jsonl_rss_before_mb", "RSS before JSONL export (bench process)", mb(jsonl.rssBefore), "MB");
  addFigure("export_cli_jsonl_peak_rss_mb", "CLI JSONL export to a file: whole-process peak RSS", cli.maxRssMb, "MB");
  addFigure("export_cli_jsonl_rows_per_s", "CLI JSONL export to a file: rows/s (process start to exit)", cli.lines / cli.seconds, "rows/s", copyTextsRate);
  addFigure("export_csv_rows_per_s", "CSV export rows/s", csv.records / csv.seconds, "rows/s", copyRate);
  addFigure("export_csv_peak_rss_mb", "CSV export peak RSS", mb(csv.rssPeak), "MB");
  addFigure("export_parquet_rows_per_s", "Parquet export table rows/s (all tables)", parquet.rowsPerSecond, "rows/s");
  addFigure("export_parquet_peak_rss_mb", "Parquet export peak RSS", parquet.rssPeakMb, "MB");
  addFigure("results_server_p50_ms", "results page data (rubric results + agreement) p50", results.p50, "ms");
  addFigure("results_server_p95_ms", "results page data p95", results.p95, "ms");
  addFigure("review_server_p50_ms", "review page server time p50 (20k-char reasoning, rendered before)", review.p50, "ms");
  addFigure("review_server_p95_ms", "review page server time p95 (rendered before)", review.p95, "ms");
  addFigure("review_server_cold_p50_ms", "review page server time p50, first load of a response (markdown rendered)", review.coldP50, "ms");
  addFigure("review_server_cold_p95_ms", "review page server time p95, first load of a response", review.coldP95, "ms");
  if (bundle) addFigure("review_first_load_js_gzip_kb", "review page first-load JS (gzip)", bundle.gzipBytes / 1024, "KB");
  else notes.push("review page bundle: no .next/diagnostics/route-bundle-stats.json — run `next build` first");
  notes.push(
    `review: one payload built ${review.runs} times after warm-up (its markdown from the render cache), and ${review.coldRuns} first loads of responses rendered anew (markdown/KaTeX render + sanitize); ${review.reasoningChars} reasoning chars`,
    `COPY : ${copy.seconds.toFixed(2)} s, ${mb(copy.bytes).toFixed(1)} MB, ${copy.rows.toLocaleString("en-US")} rows; with texts ${copyTexts.seconds.toFixed(2)} s, ${mb(copyTexts.bytes).toFixed(1)} MB`,
    `JSONL: ${jsonl.seconds.toFixed(2)} s, ${mb(jsonl.bytes).toFixed(1)} MB, ${jsonl.lines.toLocaleString("en-US")} lines; without texts ${jsonlBare.seconds.toFixed(2)} s, ${mb(jsonlBare.bytes).toFixed(1)} MB`,
    `CLI  : consilium export --format jsonl --out FILE in a child process, ${cli.seconds.toFixed(2)} s from spawn to exit (startup and migration check included), peak RSS from the process's own rusage`,
    `CSV  : ${csv.seconds.toFixed(2)} s, ${mb(csv.bytes).toFixed(1)} MB, ${csv.lines.toLocaleString("en-US")} lines for ${csv.records.toLocaleString("en-US")} annotations`,
    `Parquet: ${parquet.seconds.toFixed(2)} s, ${mb(parquet.bytes).toFixed(1)} MB, ${parquet.rows.toLocaleString("en-US")} rows in ${Object.keys(parquet.tables).length} tables, RSS before ${parquet.rssBeforeMb.toFixed(0)} MB`,
    `results: loadRubricResults over all ${N.toLocaleString("en-US")} annotations, ${results.runs} runs after a warm-up, agreement with 1,000 bootstrap resamples per axis`,
    "order: warm-up (COPY LIMIT 1000, first chunk of each export) → COPY → JSONL export → CSV export → Parquet → results; one process, no forced GC",
  );
  return `${N.toLocaleString("en-US")} annotations on ${study.items.toLocaleString("en-US")} items, PostgreSQL ${size.version}`;
}

/** The results page's server work (loadRubricResults: distributions, pairwise, agreement with bootstrap) over the whole data set. */
async function measureResults(actorId: string, projectId: string, runs = 5) {
  const { loadRubricResults } = await import("@/lib/results/load-results");
  const { resultsFilterSchema } = await import("@/lib/results/results-filter");
  const { getDb } = await import("@/lib/db/client");
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actorId } });
  const actor = { id: user.id, role: user.role, email: user.email, name: user.name };
  const filter = resultsFilterSchema.parse({});
  await loadRubricResults(actor, projectId, filter); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await loadRubricResults(actor, projectId, filter);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { runs, p50: at(0.5), p95: at(0.95) };
}

/** Agreement statistics alone (issue 9: 10,000 items × 3 raters × 10 axes in < 2 s), in memory. */
async function measureAgreementPart(): Promise<string> {
  const { measureAgreement } = await import("./bench-agreement");
  log("agreement: 10,000 items × 3 raters × 10 ordinal axes…");
  const a = measureAgreement();
  addFigure("agreement_point_ms", "agreement, all coefficients, 10 axes (goal < 2,000 ms)", a.pointEstimatesMs, "ms");
  addFigure("agreement_bootstrap_ms", `agreement with ${a.resamples.toLocaleString("en-US")} bootstrap resamples, 10 axes`, a.bootstrapMs, "ms");
  notes.push(`agreement: ${a.items.toLocaleString("en-US")} items × ${a.raters} of ${a.pool} raters × ${a.axes} axes, ${a.ratings.toLocaleString("en-US")} ratings, ${a.coefficientsPerAxis} coefficients per axis; median of 3 runs after warm-up`);
  return "agreement statistics";
}

/** Item browser and audit log server time on a study of --items items (issue 10: p95 < 150 ms at 100k). */
async function measureBrowsePart(client: pg.Client): Promise<string> {
  const items = Number(opts.items);
  if (!Number.isInteger(items) || items < 2) throw new Error(`--items must be an integer >= 2 (got ${opts.items})`);
  const { measureBrowse } = await import("./bench-browse");
  log(`item browser: generating ${items.toLocaleString("en-US")} items with 2 reviews each…`);
  const result = await measureBrowse(client, items);
  for (const f of result.figures) {
    const key = f.name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 40);
    addFigure(`browse_${key}_p50_ms`, `${f.name} p50`, f.p50, "ms");
    addFigure(`browse_${key}_p95_ms`, `${f.name} p95`, f.p95, "ms");
  }
  notes.push(`browse: ${result.items.toLocaleString("en-US")} items × 2 responses, ${(result.items * 2).toLocaleString("en-US")} submitted annotations; 30 runs per query after 3 of warm-up`);
  return `item browser on ${result.items.toLocaleString("en-US")} items`;
}

/** The progress dashboard on --annotations submitted assignments by --reviewers reviewers (issue 10: p95 < 150 ms at 1M / 200). */
async function measureDashboardPart(client: pg.Client): Promise<string> {
  const reviewers = Number(opts.reviewers);
  if (!Number.isInteger(reviewers) || reviewers < 2) throw new Error(`--reviewers must be an integer >= 2 (got ${opts.reviewers})`);
  const { measureDashboard } = await import("./bench-browse");
  log(`dashboard: generating ${N.toLocaleString("en-US")} submitted assignments by ${reviewers} reviewers…`);
  const result = await measureDashboard(client, N, reviewers);
  for (const f of result.figures) {
    const key = f.name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 40);
    addFigure(`dashboard_${key}_p50_ms`, `${f.name} p50`, f.p50, "ms");
    addFigure(`dashboard_${key}_p95_ms`, `${f.name} p95`, f.p95, "ms");
  }
  addFigure("dashboard_aggregate_p50_ms", "the same figures aggregated from the assignments (baseline) p50", result.baselineP50, "ms");
  notes.push(`dashboard: ${N.toLocaleString("en-US")} submitted assignments, ${reviewers} reviewers, generated in ${(result.generateMs / 1000).toFixed(0)} s (the triggers keep the tallies during the bulk insert); 30 runs per query after 3 of warm-up`);
  return `progress dashboard on ${N.toLocaleString("en-US")} annotations`;
}

/** The CLI import of --items items against COPY FROM of the same rows (issue 14: ≥ 50 % of COPY, peak RSS < 300 MB). */
async function measureImportPart(client: pg.Client): Promise<string> {
  const items = Number(opts.items);
  if (!Number.isInteger(items) || items < 2) throw new Error(`--items must be an integer >= 2 (got ${opts.items})`);
  const { measureImport } = await import("./bench-import");
  const r = await measureImport(client, items, { root: ROOT, log });
  const copyRate = r.items / r.copySeconds;
  addFigure("import_copy_items_per_s", "COPY FROM items/s, two responses each (baseline)", copyRate, "items/s");
  addFigure("import_cli_items_per_s", "CLI import items/s (process start to exit; goal ≥ 50 % of COPY)", r.items / r.cliSeconds, "items/s", copyRate);
  addFigure("import_cli_max_rss_mb", "CLI import peak RSS, whole process (goal < 300 MB)", r.maxRssMb, "MB");
  addFigure("import_cli_one_item_s", "CLI import of one item: the process's start and stop", r.startup.seconds, "s");
  addFigure("import_cli_one_item_max_rss_mb", "CLI import of one item: peak RSS", r.startup.maxRssMb, "MB");
  notes.push(`import: ${r.items.toLocaleString("en-US")} QA items × 2 responses (~600 characters each), ${r.fileMb.toFixed(1)} MB of JSONL; COPY ${r.copySeconds.toFixed(2)} s, CLI ${r.cliSeconds.toFixed(2)} s`);
  return `import of ${r.items.toLocaleString("en-US")} items`;
}

/** The argument annotator's keystroke-to-paint latency in Chromium (goal: p95 under 50 ms). */
async function measureAnnotatorPart(databaseUrl: string): Promise<string> {
  const { measureAnnotator } = await import("./bench-annotator");
  log(`annotator keystroke-to-paint (production build on port ${PORT}, Chromium)…`);
  const a = await measureAnnotator({ root: ROOT, databaseUrl, port: PORT, log });
  log(`annotator: p50 ${a.p50.toFixed(1)} ms, p95 ${a.p95.toFixed(1)} ms, max ${a.max.toFixed(1)} ms over ${a.keys} keys`);
  addFigure("annotator_key_to_paint_p50_ms", "annotator keystroke to paint p50", a.p50, "ms");
  addFigure("annotator_key_to_paint_p95_ms", "annotator keystroke to paint p95 (goal < 50 ms)", a.p95, "ms");
  addFigure("annotator_key_to_paint_max_ms", "annotator keystroke to paint max", a.max, "ms");
  notes.push(
    `annotator: ${a.textChars.toLocaleString("en-US")}-character note, ${a.spans} spans (nested and overlapping), ${a.relations} relations; ` +
      `${a.keys} keystrokes measured after ${a.warmUpKeys} of warm-up; at the end ${a.finalSpans} spans, ${a.finalRelations} relations, autosaved (version ${a.savedVersion})`,
    `annotator by key: ${a.byKind.map((k) => `${k.kind} ×${k.count} p50 ${k.p50.toFixed(1)} / max ${k.max.toFixed(1)} ms`).join("; ")}`,
    "annotator: keydown timeStamp → requestAnimationFrame → MessageChannel message (after that frame's paint), one key at a time",
  );
  return "argument annotator on a 20k-character note";
}

// ---- Main ----

async function main() {
  // 1. Server and a fresh, migrated database.
  let serverUrl = process.env.BENCH_PG_URL;
  let stopCluster: (() => Promise<void>) | undefined;
  if (serverUrl) {
    assertLocalUrl(serverUrl);
    log(`using BENCH_PG_URL server ${new URL(serverUrl).host}`);
  } else {
    const cluster = await startPostgresCluster(path.join(ROOT, ".data/bench-pg"), { quiet: true });
    serverUrl = cluster.url;
    if (!cluster.reused) stopCluster = cluster.stop;
    log(`${cluster.reused ? "reusing" : "started"} PostgreSQL in .data/bench-pg on port ${cluster.port}`);
  }
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  const dbUrl = withDatabase(serverUrl, BENCH_DB);
  const client = new pg.Client({ connectionString: dbUrl });
  let disconnectDb: (() => Promise<void>) | undefined;
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DB}`);
    await migrateDatabase(dbUrl);
    process.env.DATABASE_URL = dbUrl; // before the first import of anything that calls getDb()
    (await import("@/lib/runtime/heap")).keepHeapCompact(); // as the server and the CLI do
    ({ disconnectDb } = await import("@/lib/db/client"));
    await client.connect();

    const titles: string[] = [];
    if (runs("export")) titles.push(await measureExportPart(client));
    if (runs("annotator")) titles.push(await measureAnnotatorPart(dbUrl));
    if (runs("agreement")) titles.push(await measureAgreementPart());
    if (opts.only === "browse") titles.push(await measureBrowsePart(client)); // its own data set: only when asked
    if (opts.only === "dashboard") titles.push(await measureDashboardPart(client));
    if (opts.only === "import") titles.push(await measureImportPart(client));
    printFigures(`Consilium benchmark: ${titles.join("; ")}; Node ${process.version}`);
  } finally {
    // 5. Cleanup, in reverse order of acquisition.
    await disconnectDb?.();
    await client.end().catch(() => {});
    if (!opts["keep-db"]) await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`).catch((e) => log(`drop failed: ${e}`));
    await admin.end().catch(() => {});
    await stopCluster?.();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
