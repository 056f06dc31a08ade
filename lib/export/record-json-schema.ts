import { z } from "zod";
import { exportRecordSchema } from "./record-schema";

export const EXPORT_SCHEMA_PATH = "docs/export-record.schema.json";

/**
 * docs/export-record.schema.json as text: JSON Schema (draft 2020-12) generated from the zod
 * schema of the record by zod 4's z.toJSONSchema, so the published description cannot drift from
 * the code (a test compares it with the committed file). Parts with a meta id become $defs.
 */
export function renderExportRecordJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(exportRecordSchema, { target: "draft-2020-12", io: "output" }), null, 2) + "\n";
}
