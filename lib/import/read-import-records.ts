import type { ChunkSource } from "@/lib/streams/iterate-chunks";
import type { ImportFormat } from "./import-format";
import type { ImportRecord } from "./import-records";
import { csvItemRecords } from "./read-csv-items";
import { jsonlItemRecords } from "./read-jsonl-items";

/** The records of an import file in `format`, and how many of its bytes have been read (progress). */
export function readImportRecords(format: ImportFormat, input: ChunkSource): { records: AsyncGenerator<ImportRecord>; bytesRead: () => number } {
  let bytes = 0;
  const onBytes = (n: number) => void (bytes += n);
  const records = format === "csv" ? csvItemRecords(input, onBytes) : jsonlItemRecords(input, { onBytes });
  return { records, bytesRead: () => bytes };
}
