import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import type { ExportFilter } from "./annotation-records";
import { renderDatasetCard } from "./dataset-card";
import { APP_VERSION, buildManifest, type ExportManifest } from "./manifest";
import { auditExport } from "./run-export";
import type { ParsedExportQuery } from "./schema";
import { writeParquetTables } from "./write-parquet-tables";
import { zipFiles } from "./zip-stream";

type Project = { id: string; slug: string; name: string; guidelines: string; reviewersPerItem: number; blinded: boolean; randomizeOrder: boolean };
export type DatasetExportOptions = {
  actorId: string;
  project: Project;
  filter: ExportFilter;
  format: "parquet" | "hf";
  query: Pick<ParsedExportQuery, "batch" | "status" | "kind" | "reviewer" | "from" | "to">;
  onRecord?: () => void;
};

async function loadRubrics(projectId: string) {
  const rubrics = await getDb().rubric.findMany({ where: { projectId }, orderBy: { version: "asc" }, include: { axes: { orderBy: { position: "asc" } } } });
  return rubrics.map((r) => ({ version: r.version, name: r.name, templateKey: r.templateKey, axes: r.axes.map((a) => ({ key: a.key, label: a.label, type: a.type, appliesTo: a.appliesTo })) }));
}

/**
 * A multi-file export written into `dir` (which must exist): parquet → <table>.parquet and
 * manifest.json; hf → data/<table>.parquet, README.md (the dataset card) and manifest.json.
 * Returns the files' paths relative to `dir`, manifest first.
 */
export async function writeDatasetFolder(opts: DatasetExportOptions & { dir: string }): Promise<{ manifest: ExportManifest; files: string[] }> {
  await auditExport(opts.actorId, opts.filter, opts.format);
  const tablesDir = opts.format === "hf" ? path.join(opts.dir, "data") : opts.dir;
  await mkdir(tablesDir, { recursive: true });
  const written = await writeParquetTables({ dir: tablesDir, filter: opts.filter, createdBy: `consilium ${APP_VERSION} (hyparquet-writer)`, onRecord: opts.onRecord });
  const relative = (file: string) => path.relative(opts.dir, file).split(path.sep).join("/");
  const files = await Promise.all(written.tables.map(async (t) => ({ path: relative(t.file), rows: t.rows, bytes: (await stat(t.file)).size })));
  const counts = { records_submitted: written.records.submitted, records_skipped: written.records.skipped, ...Object.fromEntries(written.tables.map((t) => [`rows_${t.name}`, t.rows])) };
  const manifest = await buildManifest({ format: opts.format, project: opts.project, query: opts.query, filter: opts.filter, counts, files });
  const extra: string[] = [];
  if (opts.format === "hf") {
    await writeFile(path.join(opts.dir, "README.md"), renderDatasetCard({ project: opts.project, rubrics: await loadRubrics(opts.project.id) }, written, manifest));
    extra.push("README.md");
  }
  await writeFile(path.join(opts.dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return { manifest, files: ["manifest.json", ...extra, ...files.map((f) => f.path)] };
}

/**
 * The same export as a streamed zip (API): the tables are written to a private temporary folder
 * first (a zip's entries follow one another, while the tables fill side by side), then streamed
 * from disk; the folder is removed when the stream ends or is cancelled.
 */
export async function* exportDatasetZip(opts: DatasetExportOptions): AsyncGenerator<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), "consilium-dataset-"));
  try {
    const { files } = await writeDatasetFolder({ ...opts, dir });
    yield* zipFiles(files.map((name) => ({ name, path: path.join(dir, name) })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
