import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { decodeCursor, pageOf, type Page } from "@/lib/api/cursor";
import { listAnnotationsQuerySchema } from "@/lib/api/list-schemas";
import { recordKeyOf, streamAnnotationRecords, type RecordKey } from "./annotation-records";
import { prepareExport } from "./prepare-export";
import type { ExportRecord } from "./record-schema";

// The cursor holds the phase too: with status=all the submitted records come first (by
// annotation id), then the skips (by assignment id), exactly as in the JSONL export.
const keySchema = z.union([z.tuple([z.literal("submitted"), z.string().min(1)]), z.tuple([z.literal("skipped"), z.string().min(1)])]);

/**
 * A page of the JSONL export's records (lib/export/record-schema.ts): the same access checks,
 * filters and record builder as the export (prepareExport, streamAnnotationRecords), read as a
 * keyset window instead of a stream.
 */
export async function listAnnotationRecords(actor: Actor, slug: string, query: Record<string, string | undefined>): Promise<Page<ExportRecord>> {
  const { limit, cursor, ...filters } = listAnnotationsQuerySchema.parse(query);
  const after: RecordKey | undefined = cursor === undefined ? undefined : (([status, id]) => ({ status, id }))(decodeCursor(cursor, keySchema));
  const exportQuery = Object.fromEntries(Object.entries({ ...filters, format: "jsonl" }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const { filter } = await prepareExport(actor, slug, exportQuery);
  const records: ExportRecord[] = [];
  for await (const record of streamAnnotationRecords(filter, { ...(after ? { after } : {}), limit: limit + 1 })) records.push(record);
  return pageOf(records, limit, (r) => { const k = recordKeyOf(r); return [k.status, k.id]; }, (r) => r);
}
