import { describe, expect, it } from "vitest";
import { itemImportSchema } from "./schema";

type Issue = { field: string; message: string };
function issues(value: unknown): Issue[] {
  const parsed = itemImportSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
}

const response = { modelName: "m", content: "c" };
const VALID: Record<string, Record<string, unknown>> = {
  qa: { kind: "qa", externalId: "q", question: "Q?", context: "C", responses: [{ ...response, reasoning: "R", steps: [{ start: 0, end: 1 }], metadata: {} }], criteria: [{ criterion: "c", points: 1, tags: ["t"] }], metadata: {}, reference: { answer: "a", gold: { responses: {}, item: {}, pair: {} } }, language: "en", specialty: "s", isGold: false },
  mcq: { kind: "mcq", externalId: "m", question: "Q?", options: [{ key: "A", text: "x" }, { key: "B", text: "y" }], correctOption: "A", responses: [{ modelName: "m", choice: "A" }] },
  dialogue: { kind: "dialogue", externalId: "d", turns: [{ role: "user", content: "Hi" }], responses: [{ modelName: "m", content: "c", turns: [{ role: "assistant", content: "t" }] }] },
  vqa: { kind: "vqa", externalId: "v", question: "Q?", images: [{ src: "a.png", modality: "X-ray", view: "PA", caption: "c" }], responses: [response] },
  note: { kind: "note", externalId: "n", text: "T.", sentences: [{ id: 0, text: "T." }] },
  ddx: { kind: "ddx", externalId: "x", case: "C", responses: [{ modelName: "m", differential: [{ diagnosis: "D", rationale: "R" }] }] },
  record: { kind: "record", externalId: "r", question: "Summarize.", responses: [response], record: { patient: { name: "P" }, entries: [{ id: "e1", section: "lab", date: "2024-03-05", end: "2024-03-06", title: "K", value: 5.9, unit: "mmol/L", range: { low: 3.5, high: 5.1, text: "3.5–5.1" }, flag: "H", status: "final", code: "2823-3", text: "t" }] } },
};

/** Every field of the item (depth first), as a path. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => paths(v, [...prefix, i]));
  if (typeof value === "object" && value !== null)
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...(prefix.at(-1) === "gold" || k === "kind" ? [] : paths(v, [...prefix, k]))]);
  return [];
}

function withValue(item: Record<string, unknown>, path: (string | number)[], value: unknown) {
  const copy = structuredClone(item);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

const ZOD_WORDS = /Invalid input|expected \w+, received|Too (big|small)|Invalid (option|key|element)/;

describe("import error messages", () => {
  it("say what a missing or mistyped field must be (the tester's lines)", () => {
    expect(issues({ externalId: "q", responses: [response] })).toEqual([{ field: "question", message: "question is required: the question shown to reviewers, as text (markdown)." }]);
    expect(issues({ externalId: "q", question: 7, responses: [response], criteria: [{ criterion: "c", points: "five" }] })).toEqual([
      { field: "criteria.0.points", message: 'points must be a whole number from -10 to 10, not 0 (negative for harmful behaviour); got the text "five".' },
      { field: "question", message: "question must be the question shown to reviewers, as text (markdown); got 7." },
    ]);
  });

  it("report every error of an mcq line, the cross-field ones included", () => {
    const line = { kind: "mcq", externalId: "m", question: "Q?", options: "A or B", correctOption: "Z", responses: [{ modelName: "m", choice: "C" }, { modelName: "m" }] };
    expect(issues(line)).toEqual([
      { field: "options", message: 'options must be at least two options: ["…", "…"], [{"key": "A", "text": "…"}] or {"A": "…", "B": "…"}; got the text "A or B".' },
      { field: "responses.1.choice", message: "choice is required for an mcq response: the key of the option the model chose, such as B." },
    ]);
    // Options that can be read but are invalid (one is blank) still let correctOption and choices be checked.
    expect(issues({ ...line, options: ["Aspirin", " "], responses: [{ modelName: "m", choice: "C" }], criteria: [{ criterion: "c", points: 1.5 }] })).toEqual([
      { field: "criteria.0.points", message: "points must be a whole number from -10 to 10, not 0 (negative for harmful behaviour); got 1.5." },
      { field: "options.1", message: "option 2 must not be blank." },
      { field: "correctOption", message: 'correctOption "Z" is not one of the options (A, B).' },
      { field: "responses.0.choice", message: 'choice "C" is not one of the options (A, B).' },
    ]);
  });

  it("name limits, lists, enums, zero points and cross-field rules in plain words", () => {
    const tooMany = Array.from({ length: 27 }, (_, i) => ({ ...response, modelName: `m${i}` }));
    expect(issues({ externalId: "q", question: "x".repeat(100_001), responses: tooMany })).toEqual([
      { field: "responses", message: "responses has too many entries: at most 26, this one has 27." },
      { field: "question", message: "question is too long: at most 100,000 characters, this one has 100,001." },
    ]);
    expect(issues({ kind: "dialogue", externalId: "d", turns: [{ role: "doctor", content: "Hi" }], responses: [{ modelName: "m" }] })).toEqual([
      { field: "turns.0.role", message: 'role must be one of user, assistant, patient, clinician, system; got the text "doctor".' },
      { field: "responses.0.content", message: "a dialogue response needs content (the AI's next turn) or turns (its side of the whole dialogue)." },
    ]);
    expect(issues({ externalId: "q", question: "Q", responses: [], criteria: [{ points: 0 }] })).toEqual([
      { field: "criteria.0.points", message: "points cannot be 0: a whole number from -10 to 10, not 0 (negative for harmful behaviour)." },
      { field: "responses", message: "responses needs at least 1 response." },
      { field: "criteria.0.text", message: 'the criterion\'s text is required, as "criterion" (HealthBench\'s name) or "text".' },
    ]);
    expect(issues({ kind: "podcast", externalId: "p" })).toEqual([{ field: "kind", message: 'kind must be one of qa, mcq, dialogue, vqa, note, ddx, trajectory, summary, record; got the text "podcast".' }]);
    expect(issues([1, 2])).toEqual([{ field: "", message: "the line must be a JSON object describing one item; got a list." }]);
    expect(issues({ ...VALID.qa, responses: [{ ...response, reasoning: "abc", steps: [{ start: 2, end: 1 }, { start: 0, end: 9 }] }] })).toEqual([
      { field: "responses.0.steps.0", message: "Step 1 is empty: it must end after it starts (start 2, end 1)." },
      { field: "responses.0.steps.1", message: "Step 2 ends at 9, past the end of the text (3 characters, counted as Unicode code points)." },
    ]);
    expect(issues({ ...VALID.qa, reference: { gold: { responses: { first: {} } } } })).toEqual([
      { field: "reference.gold.responses.first", message: '"first" cannot be used here: responses must be an object keyed by response label, e.g. {"A": {"axis_key": value}}.' },
    ]);
  });

  it("describe every field of every kind in words, never in validator terms", () => {
    for (const [kind, item] of Object.entries(VALID)) {
      expect(issues(item), kind).toEqual([]);
      for (const path of paths(item)) {
        const original = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], item);
        // A number where a list or object belongs; an object where text, a number or a boolean belongs.
        const wrong = withValue(item, path, typeof original === "object" && original !== null ? 42 : { not: "this" });
        const found = issues(wrong);
        const where = `${kind}: ${path.join(".")}`;
        expect(found.length, where).toBeGreaterThan(0);
        for (const { message } of found) {
          expect(message, where).not.toMatch(ZOD_WORDS);
          expect(message, where).not.toMatch(/is not valid\.$/);
        }
      }
    }
  });
});

describe("unknown fields", () => {
  it("are errors naming them, never silently dropped", () => {
    expect(issues({ externalId: "q", questoin: "Q?", question: "Q?", source: "pubmed", responses: [{ ...response, model: "x" }] })).toEqual([
      { field: "responses.0", message: 'response 1 has a field the import does not know: "model". Check the spelling.' },
      { field: "", message: 'this item has fields the import does not know: "questoin", "source". Check the spelling, or put other data under metadata.' },
    ]);
  });
});
