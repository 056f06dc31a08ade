import { z } from "zod";
import { fhirBundleToTimeline, isFhirBundle } from "./fhir-record";
import { ident, LIMITS, text } from "./field-rules";
import { RECORD_SECTIONS } from "./record-view";

// Long structured patient records (issue 13): the `record` item kind carries a timeline — the
// patient, then entries (encounters, conditions, labs with units and ranges, vitals, medications,
// procedures, imaging, notes, allergies, immunizations) each with an id the reviewer links model
// statements to. It is imported either in this documented shape or as a FHIR R4 Bundle (converted
// here, ./fhir-record.ts), and stored in the timeline shape. Client-safe.

export { RECORD_SECTIONS, type RecordSection } from "./record-view";
export { entryLine, outOfRange, patientFacts, recordAsText, sortEntries, type PatientRecordView } from "./record-view";

export const RECORD_LIMITS = { entries: 5000 } as const;

/** A date or date-time as FHIR and ISO 8601 write them (2024-03-05, 2024-03-05T14:20:00Z, 2024-03). */
const isoDate = z.string().trim().regex(/^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/);

export const recordEntryImportSchema = z.strictObject({
  id: z.union([ident(200), z.int().transform(String)]),
  section: z.enum(RECORD_SECTIONS),
  date: isoDate.optional(),
  /** To the end of an encounter, a medication, a condition. */
  end: isoDate.optional(),
  title: ident(1000),
  value: z.union([z.number(), ident(1000)]).optional(),
  unit: ident(200).optional(),
  range: z.strictObject({ low: z.number().optional(), high: z.number().optional(), text: ident(200).optional() }).optional(),
  /** Abnormal flag as the source gives it (H, L, HH, LL, A, N). */
  flag: ident(20).optional(),
  status: ident(200).optional(),
  code: ident(200).optional(),
  /** A note's or report's text, a medication's dosage. */
  text: text(LIMITS.noteText).optional(),
});
export type RecordEntry = z.output<typeof recordEntryImportSchema>;

export const timelineImportSchema = z.strictObject({
  /** Facts about the patient shown as the record's header: name, sex, birthDate, … (text). */
  patient: z.record(ident(100), z.union([z.string().max(1000), z.number(), z.boolean()]).transform(String)).optional(),
  entries: z.array(recordEntryImportSchema).min(1).max(RECORD_LIMITS.entries),
});
export type PatientRecord = z.output<typeof timelineImportSchema>;

/**
 * The record field of an import line: a FHIR R4 Bundle (converted to the timeline first, its
 * problems reported at the bundle's paths) or the timeline itself. Ids must be unique: statements
 * link to them.
 */
export const recordImportSchema = z.preprocess(
  (raw, ctx) => {
    if (!isFhirBundle(raw)) return raw;
    const { record, problems } = fhirBundleToTimeline(raw);
    for (const p of problems) ctx.addIssue({ code: "custom", message: p.message, path: p.path, input: raw });
    return record;
  },
  timelineImportSchema.superRefine((record, ctx) => {
    const seen = new Set<string>();
    record.entries.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: "custom", message: `entry id "${e.id}" is used twice; each entry needs its own id (statements link to it).`, path: ["entries", i, "id"], input: e.id });
      seen.add(e.id);
    });
  }),
);

/** Stored (Item.input.record), read back leniently. */
export const patientRecordSchema = z.object({
  patient: z.record(z.string(), z.string()).optional(),
  entries: z.array(
    z.object({
      id: z.string(), section: z.enum(RECORD_SECTIONS), date: z.string().optional(), end: z.string().optional(), title: z.string(),
      value: z.union([z.number(), z.string()]).optional(), unit: z.string().optional(), range: z.object({ low: z.number().optional(), high: z.number().optional(), text: z.string().optional() }).optional(),
      flag: z.string().optional(), status: z.string().optional(), code: z.string().optional(), text: z.string().optional(),
    }),
  ),
});

