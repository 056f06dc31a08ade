import { z } from "zod";
import { fhirBundleToTimeline, isFhirBundle } from "./fhir-record";
import { ident, LIMITS, text } from "./field-rules";

// Long structured patient records (issue 13): the `record` item kind carries a timeline — the
// patient, then entries (encounters, conditions, labs with units and ranges, vitals, medications,
// procedures, imaging, notes, allergies, immunizations) each with an id the reviewer links model
// statements to. It is imported either in this documented shape or as a FHIR R4 Bundle (converted
// here, ./fhir-record.ts), and stored in the timeline shape. Client-safe.

export const RECORD_SECTIONS = ["encounter", "condition", "lab", "vital", "medication", "procedure", "imaging", "note", "allergy", "immunization", "other"] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

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

export type PatientRecordView = z.infer<typeof patientRecordSchema>;

/** Whether a value lies outside its range (or the source flags it abnormal). */
export function outOfRange(e: Pick<RecordEntry, "value" | "range" | "flag">): boolean {
  if (e.flag && !/^(N|normal)$/i.test(e.flag)) return true;
  if (typeof e.value !== "number" || !e.range) return false;
  return (e.range.low !== undefined && e.value < e.range.low) || (e.range.high !== undefined && e.value > e.range.high);
}

/** One entry as a line of text ("2024-03-05 · lab · Potassium: 5.9 mmol/L [3.5–5.1] H"), for text formats and search. */
export function entryLine(e: z.infer<typeof patientRecordSchema>["entries"][number]): string {
  const value = e.value !== undefined ? `: ${e.value}${e.unit ? ` ${e.unit}` : ""}` : "";
  const range = e.range ? ` [${e.range.text ?? `${e.range.low ?? ""}–${e.range.high ?? ""}`}]` : "";
  return [e.date?.slice(0, 10), e.section, `${e.title}${value}${range}${e.flag ? ` ${e.flag}` : ""}`].filter(Boolean).join(" · ") + (e.text ? `\n${e.text}` : "");
}

const FACT_ORDER = ["name", "sex", "gender", "birthDate", "age", "mrn", "id"];

/** The patient's facts in a stable order (PostgreSQL's jsonb keeps keys by length): known ones first, then the rest by name. */
export function patientFacts(patient: Record<string, string> | undefined): Array<[string, string]> {
  const rank = (k: string) => (FACT_ORDER.includes(k) ? FACT_ORDER.indexOf(k) : FACT_ORDER.length);
  return Object.entries(patient ?? {}).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The whole record as text: the patient, then the entries in date order (a prompt for text formats). */
export function recordAsText(record: z.infer<typeof patientRecordSchema>): string {
  const patient = patientFacts(record.patient).map(([k, v]) => `${k}: ${v}`).join(", ");
  return [patient, ...sortEntries(record.entries).map(entryLine)].filter(Boolean).join("\n");
}

/** Entries in date order (undated ones last), stable for equal dates. */
export function sortEntries<T extends { date?: string }>(entries: readonly T[]): T[] {
  return entries.map((e, i) => [e, i] as const).sort(([a, i], [b, j]) => (a.date ?? "\uffff").localeCompare(b.date ?? "\uffff") || i - j).map(([e]) => e);
}
