import path from "node:path";
import type pg from "pg";

// `npm run bench` (scripts/bench.ts): the CLI's export measured in a process of its own.

/**
 * The CLI's JSONL export to a file in a process of its own: the whole process's peak RSS (its own
 * getrusage, written at exit by scripts/bench-max-rss.mjs), the number that matters for a server
 * or a laptop, and its rows/s from spawn to exit.
 */
export async function measureCliExport(client: pg.Client, projectId: string, { root: ROOT, countNewlines }: { root: string; countNewlines: (chunk: Buffer) => number }) {
  const { execFile } = await import("node:child_process");
  const { mkdtemp, readFile, rm } = await import("node:fs/promises");
  const os = await import("node:os");
  const { rows: [project] } = await client.query<{ slug: string }>(`SELECT slug FROM "Project" WHERE id = $1`, [projectId]);
  const dir = await mkdtemp(path.join(os.tmpdir(), "consilium-bench-cli-"));
  const out = path.join(dir, "export.jsonl");
  const rssFile = path.join(dir, "max-rss");
  try {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        ["--import", "tsx", "--import", path.join(ROOT, "scripts/bench-max-rss.mjs"), path.join(ROOT, "lib/cli/main.ts"), "export", project.slug, "--format", "jsonl", "--out", out, "--as", "admin@bench.consilium.local"],
        { env: { ...process.env, BENCH_MAX_RSS_FILE: rssFile, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") }, maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) => (error ? reject(new Error(`CLI export failed: ${stderr}`)) : resolve()),
      ),
    );
    const elapsed = (performance.now() - t0) / 1000;
    let lines = 0;
    const { createReadStream } = await import("node:fs");
    for await (const chunk of createReadStream(out)) lines += countNewlines(chunk as Buffer);
    return { seconds: elapsed, lines, maxRssMb: Number(await readFile(rssFile, "utf8")) / 1024 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
