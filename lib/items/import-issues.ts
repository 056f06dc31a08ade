import type { z } from "zod";

// The one place where zod's issues about an imported item become words a researcher understands:
// "question is required: the question shown to reviewers, as text (markdown)." instead of
// "Invalid input: expected string, received undefined". Each message names the field and says
// what it must be; WHAT describes every field of every kind (import-issues.test.ts checks that).

const ROLES = "user, assistant, patient, clinician or system";
const TURNS = 'a list of turns, e.g. [{"role": "patient", "content": "…"}]';

/** What each field must be, by its path without list positions ("responses.content"). */
export const WHAT: Record<string, string> = {
  "": "a JSON object describing one item",
  kind: "one of qa, mcq, dialogue, vqa, note, ddx",
  externalId: "text that identifies the item in your data (at most 200 characters), or a whole number up to 9007199254740991 (put longer numbers in quotes)",
  language: "a language code such as en or pt-BR",
  specialty: "text, such as cardiology",
  isGold: "true or false",
  metadata: "a JSON object",
  reference: "a JSON object",
  "reference.answer": "text",
  "reference.explanation": "text",
  "reference.gold": 'an object {"responses": …, "item": …, "pair": …}',
  "reference.gold.responses": 'an object keyed by response label, e.g. {"A": {"axis_key": value}}',
  "reference.gold.item": 'an object of known answers, e.g. {"axis_key": value}',
  "reference.gold.pair": 'an object {"axis_key": "A", "B" or "tie"}',
  criteria: 'a list of criteria, e.g. [{"criterion": "Mentions the dose", "points": 5}]',
  "criteria.text": "the criterion's text",
  "criteria.criterion": "the criterion's text",
  "criteria.points": "a whole number from -10 to 10, not 0 (negative for harmful behaviour)",
  "criteria.tags": 'a list of text tags, e.g. ["axis:accuracy"]',
  responses: 'a list of model responses, e.g. [{"modelName": "model-a", "content": "…"}]',
  "responses.modelName": "the name of the model that wrote the response",
  "responses.content": "the response's text (markdown)",
  "responses.reasoning": "text: the model's reasoning",
  "responses.steps": 'a list of character ranges in reasoning, e.g. [{"start": 0, "end": 120}]',
  "responses.steps.start": "a whole number of characters, 0 or more",
  "responses.steps.end": "a whole number of characters, 0 or more",
  "responses.choice": "the key of the option the model chose, such as B",
  "responses.differential": 'a ranked list of diagnoses, e.g. [{"diagnosis": "Measles", "rationale": "…"}]',
  "responses.differential.diagnosis": "the diagnosis, as text",
  "responses.differential.rationale": "text",
  "responses.turns": TURNS,
  "responses.turns.role": ROLES,
  "responses.turns.content": "the turn's text",
  "responses.metadata": "a JSON object",
  "responses.analysis": 'an object of analysis fields, e.g. {"costUsd": 0.012, "outputTokens": 850, "latencyMs": 4200, "prompt": "persona-nurse", "trainingCutoff": "2024-06-01"}',
  "responses.analysis.costUsd": "the run's cost in US dollars, a number 0 or more",
  "responses.analysis.inputTokens": "a whole number of tokens, 0 or more",
  "responses.analysis.outputTokens": "a whole number of tokens, 0 or more",
  "responses.analysis.reasoningTokens": "a whole number of tokens, 0 or more",
  "responses.analysis.latencyMs": "milliseconds, a number 0 or more (at most a day)",
  "responses.analysis.prompt": "the name of the prompt or persona variant, as text",
  "responses.analysis.trainingCutoff": "a date as YYYY-MM-DD",
  analysis: 'an object of analysis fields, e.g. {"variant": "age-perturbed", "group": "female 65+", "date": "2025-03-01"}',
  "analysis.variant": "the kind of variant, as text (original, age-perturbed, translated-es…)",
  "analysis.group": "the patient group the case describes, as text",
  "analysis.date": "a date as YYYY-MM-DD",
  variantOf: "the externalId of the original item this one varies",
  question: "the question shown to reviewers, as text (markdown)",
  context: "text",
  options: 'at least two options: ["…", "…"], [{"key": "A", "text": "…"}] or {"A": "…", "B": "…"}',
  "options.key": "a short option key such as A",
  "options.text": "the option's text",
  correctOption: "the key of the correct option, such as B",
  "responses.citations": 'the sources the response cites, e.g. [{"claim": "…", "title": "…", "doi": "10.…", "passage": "…"}]',
  "responses.citations.claim": "the claim in the response that the source backs, as text",
  "responses.citations.title": "the cited source's title, as text",
  "responses.citations.url": "the source's address, as text",
  "responses.citations.doi": "the source's DOI, as text",
  "responses.citations.pmid": "the source's PubMed id, as text",
  "responses.citations.passage": "the passage the response quotes or retrieved, as text",
  source: "the document the responses summarize, as text",
  instruction: "what the summary is for, as text",
  record: 'the patient record: a FHIR R4 Bundle ({"resourceType": "Bundle", "entry": [{"resource": {…}}]}), or {"patient": {…}, "entries": [{"id": "lab-1", "section": "lab", "date": "2024-03-05", "title": "Potassium", "value": 5.9, "unit": "mmol/L"}]}',
  "record.patient": 'facts about the patient shown as the header, e.g. {"name": "…", "sex": "female", "birthDate": "1956-02-11"}',
  "record.entries": "the record's entries (at least one, at most 5,000)",
  "record.entries.id": "the entry's id, unique in the record (statements link to it)",
  "record.entries.section": "encounter, condition, lab, vital, medication, procedure, imaging, note, allergy, immunization or other",
  "record.entries.date": "a date or date-time such as 2024-03-05 or 2024-03-05T14:20:00Z",
  "record.entries.end": "a date or date-time such as 2024-03-09",
  "record.entries.title": "what the entry is (a test, a drug, a diagnosis, a note's title), as text",
  "record.entries.value": "a number or a text",
  "record.entries.unit": "the value's unit, as text",
  "record.entries.range": 'the reference range, e.g. {"low": 3.5, "high": 5.1}',
  "record.entries.range.low": "a number",
  "record.entries.range.high": "a number",
  "record.entries.range.text": "the range as text, such as <5.7 %",
  "record.entries.flag": "the abnormal flag as the source gives it (H, L, A, N)",
  "record.entries.status": "text, such as active or completed",
  "record.entries.code": "a code such as a LOINC or SNOMED code, as text",
  "record.entries.text": "a note's or report's text, or a medication's dosage",
  tools: 'the tools the agent could call, e.g. [{"name": "get_labs", "description": "…"}]',
  "tools.name": "the tool's name",
  "tools.description": "text",
  "responses.actions": 'the agent\'s run, e.g. [{"type": "tool_call", "tool": "get_labs", "arguments": {"patient": "p1"}}, {"type": "tool_result", "result": {…}}, {"type": "final_answer", "content": "…"}]',
  "responses.actions.type": "message, thought, tool_call, tool_result, test or final_answer",
  "responses.actions.role": "agent, user, gatekeeper or environment",
  "responses.actions.content": "text (markdown)",
  "responses.actions.tool": "the tool's name",
  "responses.actions.test": "the test ordered, as text",
  "responses.actions.costUsd": "the cost in US dollars, a number 0 or more",
  correctOptions: 'the keys of every correct option, such as ["A", "C"]',
  audio: 'a recording, e.g. {"src": "my-study/consult-1.mp3", "transcript": [{"speaker": "patient", "start": 0, "text": "…"}]}',
  "audio.src": "a file path under the image directory (.mp3, .wav, .ogg, .m4a)",
  "audio.caption": "text",
  "audio.transcript": 'a list of utterances, e.g. [{"speaker": "doctor", "start": 0, "end": 4.2, "text": "…"}]',
  "audio.transcript.speaker": "who speaks, as text",
  "audio.transcript.start": "seconds from the start, a number 0 or more",
  "audio.transcript.end": "seconds from the start, a number 0 or more",
  "audio.transcript.text": "what was said, as text",
  numeric: 'the accepted number, e.g. {"value": 4.5, "unit": "mg", "lower": 4.3, "upper": 4.7}',
  "numeric.value": "a number",
  "numeric.unit": "the unit, as text (mg, mL/min, points…)",
  "numeric.lower": "the accepted range's lower end, a number",
  "numeric.upper": "the accepted range's upper end, a number",
  "numeric.tolerance": "an absolute tolerance around the value, a number 0 or more",
  "numeric.relativeTolerance": "a relative tolerance as a fraction from 0 to 1 (0.05 = ±5 %)",
  "responses.choices": 'the keys of every option the model chose, such as ["A", "C"]',
  "responses.numeric": 'the number the model answered, e.g. {"value": 4.4, "unit": "mg"}',
  "responses.numeric.value": "a number",
  "responses.numeric.unit": "the unit, as text",
  turns: TURNS,
  "turns.role": ROLES,
  "turns.content": "the turn's text",
  images: 'a list of images, e.g. [{"src": "my-study/cxr-1.png"}]',
  layout: "how several images are shown: tabs, stack (slices) or compare (side by side)",
  "images.src": "a file path under the image directory, or an https URL",
  "images.modality": "text, such as X-ray",
  "images.view": "text, such as PA",
  "images.caption": "text",
  "images.spacing": "millimetres per pixel: a number, or [row, column] such as [0.7, 0.7]",
  "responses.regions": 'the model\'s localizations on the images, e.g. [{"image": 0, "label": "nodule", "box": [120, 80, 40, 36]}]',
  "responses.regions.image": "the image's index in the item's images, counting from 0",
  "responses.regions.label": "the model's label for the region, as text",
  "responses.regions.box": "[x, y, width, height] in the image's pixels",
  "responses.regions.polygon": "the vertices [[x, y], …] in the image's pixels, at least three",
  "responses.regions.point": "[x, y] in the image's pixels",
  "responses.regions.score": "the model's confidence, from 0 to 1",
  text: "the note's text",
  sentences: 'a list of sentences, e.g. [{"id": 0, "text": "…"}]',
  "sentences.id": "a sentence number or a text id",
  "sentences.text": "the sentence's text",
  case: "the case description, as text (markdown)",
};

const SINGULAR: Record<string, string> = { criteria: "criterion", differential: "differential entry", entries: "entry" };
const singular = (name: string) => SINGULAR[name] ?? name.replace(/s$/, "");
const count = (n: number, noun: string) => `${n.toLocaleString("en")} ${n === 1 ? noun : noun === "entry" ? "entries" : `${noun}s`}`;

/** A field's name for messages: the last name in its path, "option 2" for a list position. */
function fieldLabel(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (last === undefined) return "the line";
  if (typeof last === "number") return `${singular(String(path.at(-2) ?? "entry"))} ${last + 1}`;
  return String(last);
}

/** WHAT for a path; a list position is described by its list ("options.1" → options). */
function whatOf(path: readonly PropertyKey[]): string | undefined {
  const names = path.filter((p): p is string => typeof p === "string");
  const key = names.join(".");
  if (typeof path.at(-1) === "number" && WHAT[`${key}.text`]) return WHAT[`${key}.text`];
  return WHAT[key] ?? (key.startsWith("metadata.") || key.startsWith("reference.") ? undefined : WHAT[names.at(-1) ?? ""]);
}

/** A short picture of what was given, for "…; got X." */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return value.length > 40 ? `the text "${value.slice(0, 40)}…"` : `the text "${value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return "an object";
}

type RawIssue = z.core.$ZodRawIssue;

/** zod error map for import schemas (pass as `{ error: describeImportIssue }`). */
export function describeImportIssue(issue: RawIssue): string {
  const path = issue.path ?? [];
  const label = fieldLabel(path);
  const what = whatOf(path);
  const must = what ? `${label} must be ${what}` : `${label} is not valid`;
  const got = `; got ${describeValue(issue.input)}.`;
  switch (issue.code) {
    case "invalid_type":
    case "invalid_union":
      if (issue.input === undefined) return what ? `${label} is required: ${what}.` : `${label} is required.`;
      return `${must}${got}`;
    case "invalid_value":
      return `${label} must be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.join(", ")}`}${got}`;
    case "too_small": {
      const min = Number(issue.minimum);
      // An empty identifier was not really given: say so, with what it should be.
      if (issue.origin === "string" && min <= 1) return what ? `${label} is required: ${what}.` : `${label} is required.`;
      if (issue.origin === "string") return what ? `${must}${got}` : `${label} must be at least ${count(min, "character")} long.`;
      if (issue.origin === "array" || issue.origin === "set") return `${label} needs at least ${count(min, singular(label))}.`;
      return `${must}${got}`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      const length = typeof issue.input === "string" || Array.isArray(issue.input) ? issue.input.length : null;
      if (issue.origin === "string") return `${label} is too long: at most ${count(max, "character")}${length === null ? "" : `, this one has ${length.toLocaleString("en")}`}.`;
      if (issue.origin === "array" || issue.origin === "set") return `${label} has too many entries: at most ${max.toLocaleString("en")}${length === null ? "" : `, this one has ${length.toLocaleString("en")}`}.`;
      return `${must}${got}`;
    }
    case "invalid_format":
      return `${must}${got}`;
    case "unrecognized_keys": {
      const keys = issue.keys.map((k) => `"${k}"`).join(", ");
      const where = path.length ? `${label} has` : "this item has";
      return `${where} ${issue.keys.length === 1 ? "a field" : "fields"} the import does not know: ${keys}. Check the spelling${path.length ? "" : ", or put other data under metadata"}.`;
    }
    case "invalid_key":
      return `"${String(path.at(-1))}" cannot be used here: ${fieldLabel(path.slice(0, -1))} must be ${whatOf(path.slice(0, -1)) ?? "an object with other keys"}.`;
    case "custom": {
      const params = (issue as { params?: { rule?: string; max?: number } }).params;
      if (params?.rule === "blank") return `${label} must not be blank.`;
      if (params?.rule === "zeroPoints") return `${label} cannot be 0: ${what ?? "use a non-zero number"}.`;
      if (params?.rule === "size") {
        const size = safeLength(issue.input);
        return `${label} is too large: at most ${count(params.max ?? 0, "character")} of JSON${size === null ? "" : `, this one has ${size.toLocaleString("en")}`}.`;
      }
      return issue.message ?? `${must}.`;
    }
    default:
      return `${must}.`;
  }
}

function safeLength(value: unknown): number | null {
  try {
    return JSON.stringify(value)?.length ?? null;
  } catch {
    return null;
  }
}
