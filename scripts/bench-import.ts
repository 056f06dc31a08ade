import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createProject } from "@/lib/projects/create-project";
import { SENTENCES } from "./bench-data";

// `npm run bench -- --only import` (scripts/bench.ts, issue 14): the CLI's import of a JSONL file of
// N two-response QA items, in a process of its own (spawn to exit, peak RSS from its getrusage),
// against the raw baseline: COPY FROM STDIN of the same rows into the same tables, in one transaction.

const ADMIN_EMAIL = "admin@bench.consilium.local";

type BenchItem = { externalId: string; question: string; specialty: string; responses: Array<{ modelName: string; content: string }> };

function benchItem(i: number): BenchItem {
  const answer = (shift: number) => Array.from({ length: 6 }, (_, k) => SENTENCES[(i * 3 + shift * 5 + k) % SENTENCES.length]).join(" ");
  return {
    externalId: `q-${i + 1}`,
    question: `Question ${i + 1}: what should a patient with condition ${i % 997} know about treatment options and warning signs?`,
    specialty: ["cardiology", "endocrinology", "family medicine", "neurology", "pediatrics"][i % 5],
    responses: [
      { modelName: "model-alpha", content: answer(0) },
      { modelName: "model-beta", content: answer(1) },
    ],
  };
}

/** COPY's text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
const copyText = (value: string | null) => (value === null ? "\\N" : value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r"));

async function writeLines(file: string, n: number, line: (i: number) => string) {
  const out = createWriteStream(file);
  for (let i = 0; i < n; i++) if (!out.write(line(i))) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

export async function measureImport(client: pg.Client, n: number, { root, log }: { root: string; log: (m: string) => void }) {
  await client.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ('cadmin0000000000000000000', $1, 'Bench admin', 'ADMIN', 'bench-no-login', now()) ON CONFLICT (email) DO NOTHING`, [ADMIN_EMAIL]);
  const { rows: [admin] } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [ADMIN_EMAIL]);
  const target = await createProject(admin.id, { name: "Import bench", slug: "bench-import", template: "med-palm-long-form", reviewersPerItem: 2 });
  const probe = await createProject(admin.id, { name: "Import bench (one item)", slug: "bench-import-one", template: "med-palm-long-form", reviewersPerItem: 2 });
  const baseline = await createProject(admin.id, { name: "Import bench (COPY)", slug: "bench-import-copy", template: "med-palm-long-form", reviewersPerItem: 2 });
  const dir = await mkdtemp(path.join(os.tmpdir(), "consilium-bench-import-"));
  try {
    // The file, and the same rows as COPY input (ids drawn as the import draws them: random UUIDs).
    const file = path.join(dir, "items.jsonl");
    log(`import: writing ${n.toLocaleString("en-US")} items…`);
    await writeLines(file, n, (i) => JSON.stringify(benchItem(i)) + "\n");
    const itemIds = Array.from({ length: n }, () => randomUUID());
    const itemsTsv = path.join(dir, "items.tsv");
    const responsesTsv = path.join(dir, "responses.tsv");
    await writeLines(itemsTsv, n, (i) => {
      const it = benchItem(i);
      return [itemIds[i], baseline.id, it.externalId, "QA", "en", it.specialty, JSON.stringify({ question: it.question }), "{}", "{}", "f"].map(copyText).join("\t") + "\n";
    });
    await writeLines(responsesTsv, n, (i) =>
      benchItem(i).responses.map((r, p) => [randomUUID(), itemIds[i], String(p), "AB"[p], r.modelName, r.content, "{}", "{}"].map(copyText).join("\t") + "\n").join(""),
    );

    // The baseline runs twice, before and after the CLI (once rolled back, once committed), and the
    // faster run counts: the machine's noise never flatters the import's ratio.
    const copyOnce = async (end: "ROLLBACK" | "COMMIT") => {
      const t = performance.now();
      await client.query("BEGIN");
      await pipeline(createReadStream(itemsTsv), client.query(copyFrom(`COPY "Item" (id, "projectId", "externalId", kind, language, specialty, input, metadata, analysis, "isGold") FROM STDIN`)));
      await pipeline(createReadStream(responsesTsv), client.query(copyFrom(`COPY "Response" (id, "itemId", position, label, "modelName", content, metadata, analysis) FROM STDIN`)));
      await client.query(end);
      return (performance.now() - t) / 1000;
    };
    log("import: COPY FROM baseline (rolled back)…");
    const copyFirst = await copyOnce("ROLLBACK");

    // The CLI in a process of its own: spawn to exit, peak RSS from its own getrusage.
    const runCli = async (slug: string, input: string) => {
      const rssFile = path.join(dir, `max-rss-${slug}`);
      const t = performance.now();
      await new Promise<void>((resolve, reject) =>
        execFile(
          process.execPath,
          [
            // BENCH_CPU_PROF=DIR: a V8 CPU profile of the import process, for Chrome's DevTools.
            ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF] : []),
            "--import", "tsx", "--import", path.join(root, "scripts/bench-max-rss.mjs"), path.join(root, "lib/cli/main.ts"),
            "import", slug, input, "--as", ADMIN_EMAIL,
          ],
          { env: { ...process.env, BENCH_MAX_RSS_FILE: rssFile, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") }, maxBuffer: 16 * 1024 * 1024 },
          (error, _stdout, stderr) => (error ? reject(new Error(`CLI import failed: ${stderr}`)) : resolve()),
        ),
      );
      return { seconds: (performance.now() - t) / 1000, maxRssMb: Number(await readFile(rssFile, "utf8")) / 1024 };
    };
    log("import: the CLI on one item (the process's start and stop)…");
    const one = path.join(dir, "one.jsonl");
    await writeLines(one, 1, (i) => JSON.stringify(benchItem(i)) + "\n");
    const startup = await runCli(probe.slug, one);
    log("import: the CLI…");
    const cli = await runCli(target.slug, file);
    log("import: COPY FROM baseline (committed)…");
    const copySeconds = Math.min(copyFirst, await copyOnce("COMMIT"));
    const counted = async (projectId: string) =>
      (await client.query<{ items: number; responses: number }>(`SELECT count(DISTINCT i.id)::int AS items, count(r.id)::int AS responses FROM "Item" i JOIN "Response" r ON r."itemId" = i.id WHERE i."projectId" = $1`, [projectId])).rows[0];
    for (const [name, got] of [["CLI import", await counted(target.id)], ["COPY", await counted(baseline.id)]] as const) {
      if (got.items !== n || got.responses !== 2 * n) throw new Error(`${name} wrote ${got.items} items and ${got.responses} responses, expected ${n} and ${2 * n}`);
    }
    const { size } = await import("node:fs/promises").then((fs) => fs.stat(file));
    return { items: n, fileMb: size / 1024 / 1024, copySeconds, cliSeconds: cli.seconds, maxRssMb: cli.maxRssMb, startup };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
