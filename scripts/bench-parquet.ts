/**
 * Parquet export figures for `npm run bench` (issue 9, "Performance"): rows/s and peak RSS of the
 * real Parquet path (lib/export/run-dataset-export.ts) on the bench's generated annotations,
 * measured like the JSONL export in scripts/bench.ts (RSS sampled every 50 ms, no forced GC).
 * The caller has pointed DATABASE_URL at the bench database before calling (Prisma is imported here lazily).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export type ParquetFigures = { seconds: number; records: number; rows: number; rowsPerSecond: number; bytes: number; rssBeforeMb: number; rssPeakMb: number; tables: Record<string, number> };

export async function measureParquetExport(opts: { actorId: string; projectId: string; includeContent?: boolean }): Promise<ParquetFigures> {
  const { writeDatasetFolder } = await import("@/lib/export/run-dataset-export");
  const { getDb } = await import("@/lib/db/client");
  const project = await getDb().project.findUniqueOrThrow({ where: { id: opts.projectId } });
  const dir = await mkdtemp(path.join(tmpdir(), "consilium-bench-parquet-"));
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 50);
  const t0 = performance.now();
  try {
    const { manifest } = await writeDatasetFolder({
      actorId: opts.actorId, project, format: "parquet", dir,
      filter: { projectId: opts.projectId, status: "all", includeContent: opts.includeContent ?? true },
      query: { status: "all" },
    });
    const seconds = (performance.now() - t0) / 1000;
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    const tables = Object.fromEntries(Object.entries(manifest.counts).filter(([k]) => k.startsWith("rows_")).map(([k, v]) => [k.slice(5), v]));
    const rows = Object.values(tables).reduce((a, b) => a + b, 0);
    return {
      seconds, records: manifest.counts.records_submitted + manifest.counts.records_skipped, rows, rowsPerSecond: rows / seconds,
      bytes: (manifest.files ?? []).reduce((a, f) => a + f.bytes, 0), rssBeforeMb: rssBefore / 2 ** 20, rssPeakMb: rssPeak / 2 ** 20, tables,
    };
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
  }
}
