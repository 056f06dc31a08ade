/**
 * `npm test`: every tier on real parts. Typecheck and lint, unit and database tests (vitest) on a
 * private PostgreSQL, then the production build and Playwright in Debian's Chromium against a
 * seeded database. Starts and stops its own PostgreSQL unless TEST_PG_URL is given.
 * Flags: --skip-e2e, --only-e2e, --skip-build, --skip-lint. Other arguments (spec files, `-g pattern`)
 * go to Playwright, e.g. `npm test -- --only-e2e --skip-build e2e/autosave.spec.ts`.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startPostgresCluster } from "./local-db";
import { prepareTemplate } from "@/test/db/global-setup";
import { TEMPLATE_DB, withDatabase } from "@/test/db/urls";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OWN_FLAGS = new Set(["--skip-e2e", "--only-e2e", "--skip-build", "--skip-lint"]);
const args = new Set(process.argv.slice(2));
const playwrightArgs = process.argv.slice(2).filter((a) => !OWN_FLAGS.has(a));
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package…");
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (update.status === 0 && install.status === 0 && existsSync(CHROMIUM)) return;
  }
  console.error(`End-to-end tests need Chromium at ${CHROMIUM}. Install Debian's package: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

function run(label: string, cmd: string, argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const s = JSON.parse(readFileSync(file, "utf8")).stats;
  return { passed: s.expected + (s.flaky ?? 0), failed: s.unexpected, skipped: s.skipped };
}

async function createDatabaseFromTemplate(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  return withDatabase(serverUrl, name);
}

async function main() {
  const started = Date.now();
  const runE2e = !args.has("--skip-e2e");
  const runUnit = !args.has("--only-e2e");
  if (runE2e) ensureChromium();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "consilium-test-"));
  const results: Counts[] = [];
  const failedSteps: string[] = [];

  let serverUrl = process.env.TEST_PG_URL;
  let stopPg: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const cluster = await startPostgresCluster(path.join(root, ".data/test-pg"));
    serverUrl = cluster.url;
    stopPg = cluster.stop;
  }
  const stop = async () => { await stopPg?.(); rmSync(tmp, { recursive: true, force: true }); };
  process.on("SIGINT", () => void stop().then(() => process.exit(130)));

  try {
    await prepareTemplate(serverUrl);
    const env = { ...process.env, TEST_PG_URL: serverUrl, NEXT_TELEMETRY_DISABLED: "1" };
    if (runUnit) {
      if ((await run("typecheck", bin("tsc"), ["--noEmit"])) !== 0) failedSteps.push("typecheck");
      if (!args.has("--skip-lint") && (await run("lint", bin("eslint"), ["--max-warnings=0", "."])) !== 0) failedSteps.push("lint");
      const out = path.join(tmp, "vitest.json");
      const code = await run("unit and database tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
      results.push(vitestCounts(out));
      if (code !== 0) failedSteps.push("vitest");
    }
    if (runE2e) {
      const databaseUrl = await createDatabaseFromTemplate(serverUrl, "consilium_e2e");
      const e2eEnv = { ...env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "e2e-secret-not-for-production" };
      if ((await run("seed the e2e database (demo study)", bin("tsx"), ["prisma/seed.ts"], e2eEnv)) !== 0) failedSteps.push("seed");
      if (!args.has("--skip-build") && (await run("production build", bin("next"), ["build"], e2eEnv)) !== 0) failedSteps.push("build");
      const out = path.join(tmp, "playwright.json");
      const code = await run("end-to-end tests (Playwright, Debian Chromium)", bin("playwright"), ["test", ...playwrightArgs], { ...e2eEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
      results.push(playwrightCounts(out));
      if (code !== 0) failedSteps.push("playwright");
    }
  } finally {
    await stop();
  }
  const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
  console.log(`\n${failedSteps.length ? `Failed steps: ${failedSteps.join(", ")}` : "All steps passed"} in ${Math.round((Date.now() - started) / 1000)} s.`);
  console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(failedSteps.length ? 1 : 0);
}

void main();
