// FHIR R4 Bundles → the record timeline (issue 13, lib/items/patient-record.ts). Hand-written for the
// resources a clinical record review needs, read leniently (FHIR is large and exporters differ):
// Patient → the header; Encounter, Condition, Observation (labs, vitals, imaging, with units, reference
// ranges and interpretation flags; blood pressure's components joined), MedicationRequest /
// Statement / Administration, Procedure, DiagnosticReport, DocumentReference (attached text decoded),
// AllergyIntolerance, Immunization → entries. Administrative resources (ADMINISTRATIVE) are left out;
// any other resource becomes an "other" entry, so nothing clinical disappears. Ids are
// "<resourceType>/<id>". Zod-free and dependency-free.

type Json = Record<string, unknown>;
type Problem = { path: (string | number)[]; message: string };

const ADMINISTRATIVE = new Set(["Organization", "Practitioner", "PractitionerRole", "Location", "Provenance", "Claim", "ExplanationOfBenefit", "Coverage", "Account", "Device", "CareTeam", "Medication", "Group", "HealthcareService", "Endpoint", "SupplyDelivery"]);

const obj = (v: unknown): Json | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** A CodeableConcept's words: its text, else the first coding's display, else its code. */
function conceptText(v: unknown): string | undefined {
  const c = obj(v);
  if (!c) return undefined;
  const coding = obj(arr(c.coding)[0]);
  return str(c.text) ?? str(coding?.display) ?? str(coding?.code);
}
const codeOf = (v: unknown) => str(obj(arr(obj(v)?.coding)[0])?.code);
const firstConcept = (v: unknown) => conceptText(arr(v)[0]);

function decodeAttachment(a: unknown): string | undefined {
  const att = obj(a);
  const data = str(att?.data);
  if (!data) return undefined;
  const type = str(att?.contentType) ?? "text/plain";
  if (!type.startsWith("text/")) return undefined;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function quantity(v: unknown): { value?: number | string; unit?: string } {
  const q = obj(v);
  if (!q) return {};
  return { ...(num(q.value) !== undefined ? { value: num(q.value) } : {}), ...(str(q.unit) ?? str(q.code) ? { unit: str(q.unit) ?? str(q.code) } : {}) };
}

function observationSection(r: Json): string {
  const cats = arr(r.category).map((c) => codeOf(c) ?? "");
  if (cats.includes("vital-signs")) return "vital";
  if (cats.includes("imaging")) return "imaging";
  if (cats.includes("laboratory")) return "lab";
  return obj(r.valueQuantity) ? "lab" : "other";
}

function observationValue(r: Json): { value?: number | string; unit?: string } {
  if (obj(r.valueQuantity)) return quantity(r.valueQuantity);
  const components = arr(r.component).map(obj).filter((c): c is Json => Boolean(c));
  if (components.length) {
    const parts = components.map((c) => quantity(c.valueQuantity));
    if (parts.every((p) => p.value !== undefined)) return { value: parts.map((p) => p.value).join("/"), ...(parts[0]?.unit ? { unit: parts[0].unit } : {}) };
  }
  const value = str(r.valueString) ?? conceptText(r.valueCodeableConcept) ?? (typeof r.valueBoolean === "boolean" ? String(r.valueBoolean) : undefined) ?? (num(r.valueInteger) !== undefined ? num(r.valueInteger) : undefined);
  return value !== undefined ? { value } : {};
}

function rangeOf(v: unknown) {
  const r = obj(arr(v)[0]);
  if (!r) return undefined;
  const low = num(obj(r.low)?.value);
  const high = num(obj(r.high)?.value);
  const text = str(r.text);
  return low !== undefined || high !== undefined || text ? { ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}), ...(text ? { text } : {}) } : undefined;
}

const periodStart = (v: unknown) => str(obj(v)?.start);
const periodEnd = (v: unknown) => str(obj(v)?.end);

/** One resource as a timeline entry, or null when it is administrative. */
function entryOf(r: Json, id: string): Json | null {
  const type = str(r.resourceType) ?? "Resource";
  if (ADMINISTRATIVE.has(type)) return null;
  const status = conceptText(r.clinicalStatus) ?? str(r.status);
  const base = (section: string, title: string | undefined, extra: Json) => ({ id, section, title: title ?? type, ...(status ? { status } : {}), ...extra });
  const clean = (o: Json) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  switch (type) {
    case "Encounter":
      return base("encounter", firstConcept(r.type) ?? str(obj(r.class)?.display) ?? str(obj(r.class)?.code), clean({ date: periodStart(r.period), end: periodEnd(r.period), text: firstConcept(r.reasonCode) }));
    case "Condition":
      return base("condition", conceptText(r.code), clean({ date: str(r.onsetDateTime) ?? str(r.recordedDate), end: str(r.abatementDateTime), code: codeOf(r.code) }));
    case "Observation":
      return base(observationSection(r), conceptText(r.code), clean({ date: str(r.effectiveDateTime) ?? periodStart(r.effectivePeriod) ?? str(r.issued), ...observationValue(r), range: rangeOf(r.referenceRange), flag: codeOf(arr(r.interpretation)[0]), code: codeOf(r.code) }));
    case "MedicationRequest":
    case "MedicationStatement":
    case "MedicationAdministration": {
      const dose = str(obj(arr(r.dosageInstruction)[0])?.text) ?? str(obj(arr(r.dosage)[0])?.text) ?? str(obj(r.dosage)?.text);
      return base("medication", conceptText(r.medicationCodeableConcept) ?? str(obj(r.medicationReference)?.display), clean({ date: str(r.authoredOn) ?? str(r.effectiveDateTime) ?? periodStart(r.effectivePeriod), end: periodEnd(r.effectivePeriod), text: dose, code: codeOf(r.medicationCodeableConcept) }));
    }
    case "Procedure":
      return base("procedure", conceptText(r.code), clean({ date: str(r.performedDateTime) ?? periodStart(r.performedPeriod), code: codeOf(r.code) }));
    case "DiagnosticReport": {
      const imaging = arr(r.category).some((c) => ["RAD", "imaging", "LP29684-5"].includes(codeOf(c) ?? ""));
      const text = [str(r.conclusion), ...arr(r.presentedForm).map(decodeAttachment)].filter(Boolean).join("\n\n");
      return base(imaging ? "imaging" : "lab", conceptText(r.code), clean({ date: str(r.effectiveDateTime) ?? periodStart(r.effectivePeriod) ?? str(r.issued), text: text || undefined }));
    }
    case "DocumentReference": {
      const text = arr(r.content).map((c) => decodeAttachment(obj(c)?.attachment)).filter(Boolean).join("\n\n");
      return base("note", conceptText(r.type) ?? str(r.description), clean({ date: str(r.date) ?? periodStart(obj(r.context)?.period), text: text || str(r.description) }));
    }
    case "AllergyIntolerance": {
      const reactions = arr(r.reaction).flatMap((x) => arr(obj(x)?.manifestation).map(conceptText)).filter(Boolean).join(", ");
      return base("allergy", conceptText(r.code), clean({ date: str(r.recordedDate) ?? str(r.onsetDateTime), text: reactions || undefined }));
    }
    case "Immunization":
      return base("immunization", conceptText(r.vaccineCode), clean({ date: str(r.occurrenceDateTime) }));
    default:
      return base("other", `${type}${conceptText(r.code) ? `: ${conceptText(r.code)}` : ""}`, clean({ date: str(r.effectiveDateTime) ?? str(r.date) ?? str(r.authoredOn) }));
  }
}

export function isFhirBundle(raw: unknown): raw is Json {
  return obj(raw)?.resourceType === "Bundle";
}

/** The bundle as a timeline (unchecked: patient-record.ts validates it), with the problems found on the way. */
export function fhirBundleToTimeline(bundle: Json): { record: unknown; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries: Json[] = [];
  let patient: Record<string, string> | undefined;
  arr(bundle.entry).forEach((e, i) => {
    const r = obj(obj(e)?.resource);
    if (!r || !str(r.resourceType)) {
      problems.push({ path: ["entry", i, "resource"], message: "each bundle entry needs a resource with a resourceType." });
      return;
    }
    if (r.resourceType === "Patient") {
      const name = obj(arr(r.name)[0]);
      const full = str(name?.text) ?? [...arr(name?.given).map(str), str(name?.family)].filter(Boolean).join(" ");
      patient = Object.fromEntries(Object.entries({ name: full || undefined, sex: str(r.gender), birthDate: str(r.birthDate) }).filter(([, v]) => v)) as Record<string, string>;
      return;
    }
    const entry = entryOf(r, `${r.resourceType}/${str(r.id) ?? i}`);
    if (entry) entries.push(entry);
  });
  if (!entries.length) problems.push({ path: ["entry"], message: "the FHIR bundle has no clinical resources (encounters, conditions, observations, medications, notes, …)." });
  return { record: { ...(patient && Object.keys(patient).length ? { patient } : {}), entries }, problems };
}
