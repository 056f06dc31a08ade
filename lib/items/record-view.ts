// The stored patient record as the review page and the text formats read it (lib/items/patient-record.ts
// validates it at import). Zod-free: the record browser runs in the browser, where the review page
// ships no zod (zod's eval probe would also trip the Content Security Policy).

export const RECORD_SECTIONS = ["encounter", "condition", "lab", "vital", "medication", "procedure", "imaging", "note", "allergy", "immunization", "other"] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

export type RecordEntryView = {
  id: string;
  section: RecordSection;
  date?: string;
  end?: string;
  title: string;
  value?: number | string;
  unit?: string;
  range?: { low?: number; high?: number; text?: string };
  flag?: string;
  status?: string;
  code?: string;
  text?: string;
};
export type PatientRecordView = { patient?: Record<string, string>; entries: RecordEntryView[] };

/** Whether a value lies outside its range (or the source flags it abnormal). */
export function outOfRange(e: Pick<RecordEntryView, "value" | "range" | "flag">): boolean {
  if (e.flag && !/^(N|normal)$/i.test(e.flag)) return true;
  if (typeof e.value !== "number" || !e.range) return false;
  return (e.range.low !== undefined && e.value < e.range.low) || (e.range.high !== undefined && e.value > e.range.high);
}

/** One entry as a line of text ("2024-03-05 · lab · Potassium: 5.9 mmol/L [3.5–5.1] H"), for text formats and search. */
export function entryLine(e: RecordEntryView): string {
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

/** Entries in date order (undated ones last), stable for equal dates. */
export function sortEntries<T extends { date?: string }>(entries: readonly T[]): T[] {
  return entries.map((e, i) => [e, i] as const).sort(([a, i], [b, j]) => (a.date ?? "\uffff").localeCompare(b.date ?? "\uffff") || i - j).map(([e]) => e);
}

/** The whole record as text: the patient, then the entries in date order (a prompt for text formats). */
export function recordAsText(record: PatientRecordView): string {
  const patient = patientFacts(record.patient).map(([k, v]) => `${k}: ${v}`).join(", ");
  return [patient, ...sortEntries(record.entries).map(entryLine)].filter(Boolean).join("\n");
}
