import { describe, expect, it } from "vitest";
import { itemImportSchema } from "./schema";

// FHIR R4 Bundles become the record timeline at import (lib/items/fhir-record.ts): the resources a
// record review needs, with units, ranges, flags and decoded note text; administrative resources
// left out; anything else kept as "other".

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const coded = (text: string, code = "x") => ({ coding: [{ system: "http://loinc.org", code, display: text }] });

const BUNDLE = {
  resourceType: "Bundle",
  type: "collection",
  entry: [
    { resource: { resourceType: "Patient", id: "p1", name: [{ given: ["Amara"], family: "Nwosu" }], gender: "female", birthDate: "1958-04-02" } },
    { resource: { resourceType: "Organization", id: "org1", name: "Clinic" } },
    { resource: { resourceType: "Encounter", id: "enc1", status: "finished", class: { code: "AMB" }, type: [{ text: "Diabetes review" }], period: { start: "2024-03-05T09:00:00Z", end: "2024-03-05T09:30:00Z" } } },
    { resource: { resourceType: "Observation", id: "k1", status: "final", category: [{ coding: [{ code: "laboratory" }] }], code: coded("Potassium", "2823-3"), effectiveDateTime: "2024-03-05", valueQuantity: { value: 5.9, unit: "mmol/L" }, referenceRange: [{ low: { value: 3.5 }, high: { value: 5.1 } }], interpretation: [{ coding: [{ code: "H" }] }] } },
    { resource: { resourceType: "Observation", id: "bp1", category: [{ coding: [{ code: "vital-signs" }] }], code: { text: "Blood pressure" }, effectiveDateTime: "2024-03-05", component: [{ valueQuantity: { value: 148, unit: "mmHg" } }, { valueQuantity: { value: 92, unit: "mmHg" } }] } },
    { resource: { resourceType: "MedicationRequest", id: "m1", status: "active", medicationCodeableConcept: { text: "Lisinopril 20 mg" }, authoredOn: "2023-11-01", dosageInstruction: [{ text: "One tablet daily" }] } },
    { resource: { resourceType: "Condition", id: "c1", clinicalStatus: { coding: [{ code: "active" }] }, code: { text: "Type 2 diabetes" }, onsetDateTime: "2015-06-01" } },
    { resource: { resourceType: "DocumentReference", id: "n1", type: { text: "Clinic letter" }, date: "2024-03-05", content: [{ attachment: { contentType: "text/plain", data: b64("Reviewed today. Potassium raised — repeat in 1 week.") } }] } },
    { resource: { resourceType: "CarePlan", id: "cp1", created: "2024-03-05" } },
  ],
};

describe("FHIR bundles at import", () => {
  it("become the timeline: patient header, entries with units, ranges, flags, components and note text", () => {
    const item = itemImportSchema.parse({ kind: "record", externalId: "r1", question: "Summarize for the visit.", record: BUNDLE, responses: [{ modelName: "m", content: "…" }] }) as { record: { patient: object; entries: Array<Record<string, unknown>> } };
    expect(item.record.patient).toEqual({ name: "Amara Nwosu", sex: "female", birthDate: "1958-04-02" });
    expect(item.record.entries).toEqual([
      { id: "Encounter/enc1", section: "encounter", title: "Diabetes review", status: "finished", date: "2024-03-05T09:00:00Z", end: "2024-03-05T09:30:00Z" },
      { id: "Observation/k1", section: "lab", title: "Potassium", status: "final", date: "2024-03-05", value: 5.9, unit: "mmol/L", range: { low: 3.5, high: 5.1 }, flag: "H", code: "2823-3" },
      { id: "Observation/bp1", section: "vital", title: "Blood pressure", date: "2024-03-05", value: "148/92", unit: "mmHg" },
      { id: "MedicationRequest/m1", section: "medication", title: "Lisinopril 20 mg", status: "active", date: "2023-11-01", text: "One tablet daily" },
      { id: "Condition/c1", section: "condition", title: "Type 2 diabetes", status: "active", date: "2015-06-01" },
      { id: "DocumentReference/n1", section: "note", title: "Clinic letter", date: "2024-03-05", text: "Reviewed today. Potassium raised — repeat in 1 week." },
      { id: "CarePlan/cp1", section: "other", title: "CarePlan" },
    ]);
  });

  it("report a bundle entry without a resource, a bundle with nothing clinical, and repeated timeline ids", () => {
    const issues = (record: unknown) => {
      const r = itemImportSchema.safeParse({ kind: "record", externalId: "r1", question: "Q", record, responses: [{ modelName: "m", content: "…" }] });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(issues({ resourceType: "Bundle", entry: [{ fullUrl: "x" }, { resource: { resourceType: "Organization" } }] })).toEqual([
      "record.entry.0.resource: each bundle entry needs a resource with a resourceType.",
      "record.entry: the FHIR bundle has no clinical resources (encounters, conditions, observations, medications, notes, …).",
    ]);
    expect(issues({ entries: [{ id: "a", section: "lab", title: "K" }, { id: "a", section: "lab", title: "Na" }] })).toEqual(['record.entries.1.id: entry id "a" is used twice; each entry needs its own id (statements link to it).']);
    expect(issues({ entries: [{ id: "a", section: "labs", title: "K", date: "05/03/2024" }] })).toEqual([
      expect.stringMatching(/^record\.entries\.0\.section: section must be one of encounter, condition, lab/),
      expect.stringMatching(/^record\.entries\.0\.date: date must be a date or date-time/),
    ]);
  });
});
