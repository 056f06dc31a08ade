import { describe, expect, it } from "vitest";
import { itemImportSchema } from "./schema";

// Content is stored exactly as given: offsets into it and "corrected text = text with the
// correction applied" comparisons depend on every byte. Identifiers are trimmed (README).

const ws = (s: string) => `  ${s}\r\n\t `;
const parse = (value: unknown) => itemImportSchema.safeParse(value);
const fields = (value: unknown) => {
  const parsed = parse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join(".")).sort();
};

describe("content fields are stored byte for byte", () => {
  it("keeps leading and trailing whitespace in every content field of every kind", () => {
    const response = { modelName: ws("m"), content: ws("Answer"), reasoning: ws("Because") };
    const criteria = [{ criterion: ws("Mentions dose"), points: 3, tags: [ws("axis:accuracy")] }];
    const qa = parse({ externalId: ws("q1"), question: ws("Question?"), context: ws("Context"), responses: [response], criteria });
    expect(qa.success && qa.data).toMatchObject({
      externalId: "q1",
      question: ws("Question?"),
      context: ws("Context"),
      responses: [{ modelName: "m", content: ws("Answer"), reasoning: ws("Because") }],
      criteria: [{ text: ws("Mentions dose"), tags: ["axis:accuracy"] }],
    });

    const mcq = parse({ kind: "mcq", externalId: "m1", question: ws("Which?"), options: [ws("Aspirin"), ws("Heparin")], correctOption: " B ", responses: [{ modelName: "m", choice: " B ", content: ws("Why") }] });
    expect(mcq.success && mcq.data).toMatchObject({ question: ws("Which?"), options: [{ key: "A", text: ws("Aspirin") }, { key: "B", text: ws("Heparin") }], correctOption: "B", responses: [{ choice: "B", content: ws("Why") }] });
    const keyed = parse({ kind: "mcq", externalId: "m2", question: "Q", options: { A: ws("x"), B: ws("y") }, responses: [{ modelName: "m", choice: "A" }] });
    expect(keyed.success && keyed.data).toMatchObject({ options: [{ key: "A", text: ws("x") }, { key: "B", text: ws("y") }] });

    const dialogue = parse({ kind: "dialogue", externalId: "d1", turns: [{ role: "user", content: ws("Hi") }], responses: [{ modelName: "m", content: ws("Hello"), turns: [{ role: "assistant", content: ws("Turn") }] }] });
    expect(dialogue.success && dialogue.data).toMatchObject({ turns: [{ content: ws("Hi") }], responses: [{ content: ws("Hello"), turns: [{ content: ws("Turn") }] }] });

    const note = parse({ kind: "note", externalId: "n1", text: ws("Note text. "), sentences: [{ id: 0, text: ws("Note text.") }] });
    expect(note.success && note.data).toMatchObject({ text: ws("Note text. "), sentences: [{ id: "0", text: ws("Note text.") }] });

    const ddx = parse({ kind: "ddx", externalId: "x1", case: ws("Fever."), responses: [{ modelName: "m", differential: [{ diagnosis: ws("Measles"), rationale: ws("Spots") }] }] });
    expect(ddx.success && ddx.data).toMatchObject({ case: ws("Fever."), responses: [{ differential: [{ diagnosis: ws("Measles"), rationale: ws("Spots") }] }] });

    const vqa = parse({ kind: "vqa", externalId: "v1", question: ws("Seen?"), images: [{ src: " a/b.png ", caption: ws("Film") }], responses: [{ modelName: "m", content: ws("RLL") }] });
    expect(vqa.success && vqa.data).toMatchObject({ question: ws("Seen?"), images: [{ src: "a/b.png", caption: ws("Film") }], responses: [{ content: ws("RLL") }] });
  });

  it("still refuses a required content field that is blank", () => {
    const r = [{ modelName: "m", content: "c" }];
    expect(fields({ externalId: "q", question: " \n\t", responses: r })).toEqual(["question"]);
    expect(fields({ externalId: "q", question: "Q", responses: [{ modelName: "m", content: "  " }] })).toEqual(["responses.0.content"]);
    expect(fields({ kind: "note", externalId: "n", text: "\r\n" })).toEqual(["text"]);
    expect(fields({ kind: "ddx", externalId: "x", case: " ", responses: [{ modelName: "m", differential: [{ diagnosis: " " }] }] })).toEqual(["case", "responses.0.differential.0.diagnosis"]);
    expect(fields({ kind: "dialogue", externalId: "d", turns: [{ role: "user", content: " " }], responses: r })).toEqual(["turns.0.content"]);
    expect(fields({ kind: "mcq", externalId: "m", question: "Q", options: ["x", " "], responses: [{ modelName: "m", choice: "A" }] })).toEqual(["options.1"]);
    expect(fields({ externalId: "q", question: "Q", responses: r, criteria: [{ criterion: "  ", points: 1 }] })).toEqual(["criteria.0.criterion"]);
  });
});
