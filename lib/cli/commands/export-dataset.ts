import { createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ExportFilter } from "@/lib/export/annotation-records";
import { countExportRecords } from "@/lib/export/prepare-export";
import { exportDatasetZip, writeDatasetFolder } from "@/lib/export/run-dataset-export";
import type { ParsedExportQuery } from "@/lib/export/schema";
import type { CliIo } from "../command";
import { UsageError } from "../errors";
import { createProgress } from "../progress";

type Options = {
  actorId: string;
  project: Parameters<typeof writeDatasetFolder>[0]["project"];
  filter: ExportFilter;
  format: "parquet" | "hf";
  query: ParsedExportQuery;
  out: string | undefined;
  usage: string;
};

/**
 * `consilium export --format parquet|hf --out FOLDER|FILE.zip`: the tables (and for hf the dataset
 * card) in a folder, or the API's zip in a file. Written aside and renamed into place when complete,
 * so a failed export leaves nothing half-written; an existing non-empty folder is refused.
 */
export async function exportDatasetCommand(opts: Options, io: CliIo) {
  const { out } = opts;
  if (!out) throw new UsageError(`--format ${opts.format} writes several files: give --out FOLDER or --out FILE.zip.\n\n${opts.usage}`);
  const existing = await readdir(out).catch(() => null);
  if (existing?.length) throw new UsageError(`${out} is a folder that is not empty: choose a new or empty one.`);
  const progress = createProgress("Exporting", await countExportRecords(opts.filter));
  let records = 0;
  const onRecord = () => progress.update(++records);
  // Beside the target, so the final rename stays on one disk.
  const partial = `${out.replace(/[\\/]+$/, "")}.${process.pid}.partial`;
  try {
    if (out.endsWith(".zip")) {
      await pipeline(Readable.from(exportDatasetZip({ ...opts, onRecord })), createWriteStream(partial));
    } else {
      await mkdir(partial, { recursive: true });
      await writeDatasetFolder({ ...opts, dir: partial, onRecord });
      if (existing) await rm(out, { recursive: true });
    }
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "EACCES") throw new UsageError(`Cannot write ${out} (${(error as NodeJS.ErrnoException).code}).`);
    throw error;
  }
  progress.finish(records);
  io.err(`Wrote ${records} records as ${opts.format === "hf" ? "a Hugging Face dataset" : "Parquet tables"} to ${out} (manifest.json inside).`);
}
