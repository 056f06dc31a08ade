/**
 * Writes docs/export-record.schema.json from the zod schema of the export record
 * (lib/export/record-schema.ts). Run after changing the record: `npm run docs:export-schema`;
 * lib/export/record-json-schema.test.ts fails while the committed file is out of date.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EXPORT_SCHEMA_PATH, renderExportRecordJsonSchema } from "@/lib/export/record-json-schema";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
writeFileSync(path.join(root, EXPORT_SCHEMA_PATH), renderExportRecordJsonSchema());
console.log(`Wrote ${EXPORT_SCHEMA_PATH}.`);
