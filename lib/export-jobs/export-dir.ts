import path from "node:path";

/** Where finished background exports are kept: CONSILIUM_EXPORT_DIR, default .data/exports (beside the images). */
export function exportDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONSILIUM_EXPORT_DIR ?? path.join(process.cwd(), ".data", "exports"));
}

/** A job's file: its own folder, so the file keeps the name the download suggests. */
export function exportFilePath(jobId: string, fileName: string): string {
  return path.join(exportDir(), jobId, fileName);
}
