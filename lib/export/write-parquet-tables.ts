import path from "node:path";
import { getDb } from "@/lib/db/client";
import { narrowingOf, streamAnnotationRecords, type ExportFilter } from "./annotation-records";
import { pagedRows } from "./paged-rows";
import { ParquetFile, type Column } from "./parquet-file";
import { RECORD_TABLES, RESPONSE_COLUMNS } from "./parquet-tables";
import { fetchResponsePage } from "./response-page-query";

export type WrittenTable = { name: string; file: string; rows: number; columns: Column[] };
export type WrittenTables = { tables: WrittenTable[]; records: { submitted: number; skipped: number }; models: string[] };

const RESPONSE_PAGE = 500;

/**
 * The Parquet tables of an export, written into `dir` as <table>.parquet in one pass over the
 * annotation records (plus one over the covered items' responses). Memory: one row group per table.
 */
export async function writeParquetTables(opts: { dir: string; filter: ExportFilter; createdBy: string; onRecord?: () => void }): Promise<WrittenTables> {
  const { dir, filter } = opts;
  const meta = { createdBy: opts.createdBy };
  const files = RECORD_TABLES.map((t) => new ParquetFile(path.join(dir, `${t.name}.parquet`), t.columns, meta));
  const records = { submitted: 0, skipped: 0 };
  for await (const record of streamAnnotationRecords(filter)) {
    records[record.status]++;
    for (let t = 0; t < RECORD_TABLES.length; t++) for (const row of RECORD_TABLES[t].rowsOf(record)) await files[t].add(row);
    opts.onRecord?.();
  }
  for (const f of files) await f.close();

  const withContent = Boolean(filter.includeContent);
  const responses = new ParquetFile(path.join(dir, "responses.parquet"), RESPONSE_COLUMNS(withContent), meta);
  const models = new Set<string>();
  const db = getDb();
  const batches = await db.batch.findMany({ where: { projectId: filter.projectId, ...(filter.batchName !== undefined ? { name: filter.batchName } : {}) }, select: { id: true } });
  if (batches.length) {
    const narrow = narrowingOf(filter);
    const page = (after: string | undefined) =>
      fetchResponsePage(db, { batchIds: batches.map((b) => b.id), status: filter.status ?? "submitted", includeContent: withContent, pageSize: RESPONSE_PAGE, ...(narrow ? { narrow } : {}), ...(after ? { after } : {}) });
    for await (const r of pagedRows(page, RESPONSE_PAGE)) {
      models.add(r.modelName);
      await responses.add([r.itemId, r.externalId, r.kind, r.id, r.label, r.position, r.modelName, ...(withContent ? [r.input ?? null, r.content ?? "", r.reasoning ?? null, r.answer ?? null] : [])]);
    }
  }
  await responses.close();

  const all = [...RECORD_TABLES.map((t, i) => ({ t, f: files[i] })), { t: { name: "responses", columns: RESPONSE_COLUMNS(withContent) }, f: responses }];
  return {
    tables: all.map(({ t, f }) => ({ name: t.name, file: f.path, rows: f.rowCount, columns: t.columns })),
    records,
    models: [...models].sort(),
  };
}
