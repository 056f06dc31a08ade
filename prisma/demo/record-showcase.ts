import type { z } from "zod";
import type { recordItemImportSchema } from "@/lib/items/schema";
import type { RubricDocument } from "@/lib/rubrics/rubric-document";
import { FICTIONAL, SOURCE } from "./types";

// Long patient records (issue 13): a two-year primary-care record as a FHIR R4 bundle (generated
// below: visits, HbA1c and kidney function series, potassium, blood pressure readings, medicines with
// a dose change, letters, an allergy, a vaccine) and an emergency-department timeline in the
// documented JSON shape. Two fictional models write what the task asks; one gets the record right,
// the other says the potassium is normal, invents insulin and misses the allergy. Reviewers mark each
// statement and link it to the entries that show it.

type RecordItem = z.input<typeof recordItemImportSchema>;

export const RECORDS_GUIDELINES = `Read the record beside each output.

1. In each output, select each statement and mark it **Y** supported by the record, **X** contradicted by it, or **N** not in the record.
2. With a statement selected, click the record entries that show it (search with /, filter by section or to out-of-range values).
3. Rate each output.

${FICTIONAL}`;

export const RECORDS_RUBRIC: RubricDocument = {
  format: "consilium-rubric/1",
  name: "Outputs about the record (demo)",
  template: null,
  axes: [
    { key: "faithful", label: "Faithful to the record", help: "Is everything the output says found in the record, and nothing contradicted?", type: "BOOLEAN", appliesTo: "RESPONSE", required: true, options: [], best: true, polarity: "HIGHER_IS_BETTER", allowsNotApplicable: false },
    { key: "usefulness", label: "Useful for the task", help: "1 useless … 5 exactly what the clinician needs.", type: "SCALE", appliesTo: "RESPONSE", required: true, min: 1, max: 5, options: ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v })), best: "5", polarity: "HIGHER_IS_BETTER", allowsNotApplicable: false },
  ],
};

const loinc = (code: string, text: string) => ({ coding: [{ system: "http://loinc.org", code, display: text }], text });
const lab = (id: string, date: string, code: string, text: string, value: number, unit: string, low?: number, high?: number) => ({
  resource: { resourceType: "Observation", id, status: "final", category: [{ coding: [{ code: "laboratory" }] }], code: loinc(code, text), effectiveDateTime: date, valueQuantity: { value, unit },
    ...(low !== undefined || high !== undefined ? { referenceRange: [{ ...(low !== undefined ? { low: { value: low, unit } } : {}), ...(high !== undefined ? { high: { value: high, unit } } : {}) }] } : {}) },
});
const note = (id: string, date: string, title: string, text: string) => ({ resource: { resourceType: "DocumentReference", id, status: "current", type: { text: title }, date, content: [{ attachment: { contentType: "text/plain", data: Buffer.from(text, "utf8").toString("base64") } }] } });

/** A synthetic FHIR R4 bundle: about 70 resources over two years. */
export function diabetesBundle() {
  const visits = ["2023-01-16", "2023-04-17", "2023-07-17", "2023-10-16", "2024-01-15", "2024-04-15", "2024-07-15", "2024-10-14"];
  const hba1c = [8.9, 8.6, 8.1, 7.9, 7.6, 7.5, 7.4, 7.4];
  const egfr = [58, 55, 52, 50, 47, 45, 43, 42];
  const potassium = [4.6, 4.8, 4.7, 5.0, 5.1, 5.3, 5.5, 5.9];
  const systolic = [152, 148, 146, 141, 139, 144, 136, 148];
  const entry = [
    { resource: { resourceType: "Patient", id: "pt-1", name: [{ given: ["Grace"], family: "Mensah" }], gender: "female", birthDate: "1952-09-03" } },
    { resource: { resourceType: "Condition", id: "dm2", clinicalStatus: { coding: [{ code: "active" }] }, code: { text: "Type 2 diabetes mellitus" }, onsetDateTime: "2011-05-01" } },
    { resource: { resourceType: "Condition", id: "htn", clinicalStatus: { coding: [{ code: "active" }] }, code: { text: "Essential hypertension" }, onsetDateTime: "2009-02-01" } },
    { resource: { resourceType: "Condition", id: "ckd", clinicalStatus: { coding: [{ code: "active" }] }, code: { text: "Chronic kidney disease stage 3a" }, onsetDateTime: "2023-07-17" } },
    { resource: { resourceType: "AllergyIntolerance", id: "pen", clinicalStatus: { coding: [{ code: "active" }] }, code: { text: "Penicillin" }, recordedDate: "1998-03-01", reaction: [{ manifestation: [{ text: "Urticarial rash" }] }] } },
    { resource: { resourceType: "MedicationRequest", id: "met-1", status: "stopped", medicationCodeableConcept: { text: "Metformin 1 g twice daily" }, authoredOn: "2015-06-01", dosageInstruction: [{ text: "1 g twice daily with meals" }] } },
    { resource: { resourceType: "MedicationRequest", id: "met-2", status: "active", medicationCodeableConcept: { text: "Metformin 500 mg twice daily" }, authoredOn: "2024-04-15", dosageInstruction: [{ text: "Reduced from 1 g twice daily: eGFR 45" }] } },
    { resource: { resourceType: "MedicationRequest", id: "lis", status: "active", medicationCodeableConcept: { text: "Lisinopril 20 mg once daily" }, authoredOn: "2019-03-11", dosageInstruction: [{ text: "20 mg in the morning" }] } },
    { resource: { resourceType: "MedicationRequest", id: "empa", status: "active", medicationCodeableConcept: { text: "Empagliflozin 10 mg once daily" }, authoredOn: "2023-07-17", dosageInstruction: [{ text: "10 mg in the morning" }] } },
    { resource: { resourceType: "Immunization", id: "flu-24", status: "completed", vaccineCode: { text: "Influenza vaccine 2024–25" }, occurrenceDateTime: "2024-10-14" } },
    ...visits.flatMap((date, i) => [
      { resource: { resourceType: "Encounter", id: `v-${i + 1}`, status: "finished", class: { code: "AMB" }, type: [{ text: "Diabetes review" }], period: { start: `${date}T09:00:00Z`, end: `${date}T09:20:00Z` } } },
      lab(`a1c-${i + 1}`, date, "4548-4", "HbA1c", hba1c[i]!, "%", undefined, 6.5),
      lab(`egfr-${i + 1}`, date, "33914-3", "eGFR", egfr[i]!, "mL/min/1.73m2", 60),
      lab(`k-${i + 1}`, date, "2823-3", "Potassium", potassium[i]!, "mmol/L", 3.5, 5.1),
      { resource: { resourceType: "Observation", id: `bp-${i + 1}`, status: "final", category: [{ coding: [{ code: "vital-signs" }] }], code: loinc("85354-9", "Blood pressure"), effectiveDateTime: date, component: [{ valueQuantity: { value: systolic[i], unit: "mmHg" } }, { valueQuantity: { value: 84 + (i % 3) * 2, unit: "mmHg" } }] } },
    ]),
    note("letter-1", "2024-04-15", "Clinic letter", "eGFR now 45. Metformin reduced to 500 mg twice daily. Continue empagliflozin and lisinopril. Recheck potassium and renal function in 3 months."),
    note("letter-2", "2024-10-14", "Clinic letter", "Potassium 5.9 today, rising over the last year on lisinopril. HbA1c 7.4 %, stable. Plan: repeat potassium within a week, review lisinopril dose, low-potassium diet advice."),
    { resource: { resourceType: "Organization", id: "gp", name: "Riverside Practice (fictional)" } },
  ];
  return { resourceType: "Bundle", type: "collection", entry };
}

export function recordShowcaseItems(): RecordItem[] {
  return [
    {
      kind: "record", externalId: "rec-dm-1", specialty: "Primary care", metadata: SOURCE,
      question: "Write a short pre-visit summary for today's diabetes review (January 2025): control, kidney function, potassium, medicines, allergies.",
      record: diabetesBundle(),
      responses: [
        { modelName: "chartwise-13b", content: "Grace Mensah, 72, with type 2 diabetes, hypertension and CKD stage 3a. HbA1c has improved from 8.9 % to 7.4 %. eGFR has fallen to 42. Potassium is high at 5.9 mmol/L and rising on lisinopril. Metformin was reduced to 500 mg twice daily in April 2024. She is allergic to penicillin." },
        { modelName: "medsum-lite", content: "Grace Mensah has well-controlled type 2 diabetes with an HbA1c of 6.5 %. Her potassium is normal. She takes metformin 1 g twice daily and insulin glargine at night. Kidney function is stable. No known allergies." },
      ],
    },
    {
      kind: "record", externalId: "rec-ed-1", specialty: "Emergency medicine", metadata: SOURCE,
      question: "Does the record support discharging this patient home now? Answer and justify from the record.",
      record: {
        patient: { name: "Tomás Ruiz", sex: "male", birthDate: "1961-12-19" },
        entries: [
          { id: "enc", section: "encounter", date: "2025-01-20T21:05", title: "Emergency department visit", text: "Central chest pressure for 2 hours, radiating to the left arm." },
          { id: "ecg-1", section: "imaging", date: "2025-01-20T21:12", title: "ECG", text: "Sinus rhythm 88/min. 1 mm ST depression in V4–V6." },
          { id: "trop-1", section: "lab", date: "2025-01-20T21:20", title: "High-sensitivity troponin T", value: 18, unit: "ng/L", range: { high: 14 } },
          { id: "trop-2", section: "lab", date: "2025-01-20T23:20", title: "High-sensitivity troponin T", value: 64, unit: "ng/L", range: { high: 14 } },
          { id: "asa", section: "medication", date: "2025-01-20T21:15", title: "Aspirin 300 mg", text: "Given orally, once." },
          { id: "bp", section: "vital", date: "2025-01-20T21:08", title: "Blood pressure", value: "162/95", unit: "mmHg" },
          { id: "note-1", section: "note", date: "2025-01-20T23:40", title: "ED physician note", text: "Rising troponin with ischaemic ECG changes: NSTEMI likely. Cardiology informed." },
        ],
      },
      responses: [
        { modelName: "chartwise-13b", content: "No. The troponin rose from 18 to 64 ng/L and the ECG shows ST depression in V4–V6. This is a likely NSTEMI; he needs admission under cardiology." },
        { modelName: "medsum-lite", content: "Yes. The troponin is only slightly raised and the ECG is normal. He can go home with outpatient follow-up." },
      ],
    },
  ];
}
