import { describe, expect, it } from "vitest";
import { describeIssue } from "../format-issue";
import { matchArgument } from "./match-argument";
import { readCasimedicos } from "./read-casimedicos";

const record = (id: string, text: string[][], labels: string[][]) => ({ id, text, labels });

const DOCS = JSON.stringify([
  record(
    "d1",
    [
      ["QUESTION", "TYPE:", "CARDIOLOGY"],
      ["🙂", "BP", "is", "140/90.", "(Answer", "2", "correct)."],
      ["ضغط", "مرتفع", "so", "treat", "it."],
    ],
    [
      ["O", "O", "O"],
      ["O", "B-Premise", "I-Premise", "I-Premise", "B-Claim", "I-Claim", "I-Claim"],
      ["B-Premise", "I-Premise", "B-Marker", "B-Claim", "I-Claim"],
    ],
  ),
  record("d2", [["Same", "claim."], ["Same", "claim."]], [["B-Claim", "I-Claim"], ["B-Claim", "I-Claim"]]),
]);

describe("readCasimedicos", () => {
  it("builds text (tokens by spaces, sentences by line breaks), code-point spans and relations from text pairs", () => {
    const relations = `${JSON.stringify({ d1: [["BP is 140/90\n", "Answer 2 correct\n", "Support"], ["ضغط مرتفع", "treat it", "Attack"]] })}\n`;
    const read = readCasimedicos({ documents: `\uFEFF${DOCS}`, relations: `\uFEFF${relations}` }, { labels: ["Claim", "Premise"] }); // byte-order marks are dropped
    expect(read.issues).toEqual([]);
    const [d1] = read.documents;
    expect(d1.text).toBe("QUESTION TYPE: CARDIOLOGY\n🙂 BP is 140/90. (Answer 2 correct).\nضغط مرتفع so treat it.");
    expect(d1.annotation.spans).toEqual([
      { id: "T1", label: "Premise", start: 28, end: 41, text: "BP is 140/90." },
      { id: "T2", label: "Claim", start: 42, end: 61, text: "(Answer 2 correct)." },
      { id: "T3", label: "Premise", start: 62, end: 71, text: "ضغط مرتفع" },
      { id: "T4", label: "Claim", start: 75, end: 84, text: "treat it." },
    ]);
    expect(d1.annotation.relations).toEqual([
      { id: "R1", label: "Support", from: "T1", to: "T2" },
      { id: "R2", label: "Attack", from: "T3", to: "T4" },
    ]);
    expect(read.notes.map(describeIssue)).toEqual(["documents: Spans labelled Marker (1) were not imported: only Claim and Premise spans are read."]);
    expect(readCasimedicos({ documents: DOCS, relations: "" }, { labels: ["Claim", "Premise", "Marker"] }).documents[0].annotation.spans).toHaveLength(5);
  });

  it("reports every malformed line and every relation it cannot place, by line, and keeps the rest", () => {
    const relations = [
      "not json",
      JSON.stringify([{ d1: [] }]),
      JSON.stringify({ d1: [["BP is 140/90", "Nowhere to be found", "Support"], ["QUESTION TYPE", "treat it", "Support"], ["BP is 140/90", "treat it", "Support"], ["BP is 140/90.", "treat it.", "Support"]] }),
      JSON.stringify({ d2: [["Same claim", "Same claim", "Support"]] }),
      JSON.stringify({ d1: [] }),
      JSON.stringify({ d9: [] }),
      JSON.stringify({ d2: "oops" }),
      "{}",
      "",
    ].join("\n");
    const read = readCasimedicos({ documents: DOCS, relations, relationsFile: "rel.jsonl" });
    expect(read.issues.map(describeIssue)).toEqual([
      "rel.jsonl, line 1: This line is not valid JSON.",
      'rel.jsonl, line 2: This line is a list ("[{\\"d1\\":[]}]"); each line must be one object {"document id": [[argument 1, argument 2, type], …]}. Remove the surrounding [ ].',
      'rel.jsonl, line 3: Relation 1 of document "d1": The argument "Nowhere to be found" is not in the document\'s text.',
      'rel.jsonl, line 3: Relation 2 of document "d1": The argument "QUESTION TYPE" is in the document, but not inside any span it could stand for.',
      'rel.jsonl, line 3: Relation 4 of document "d1" repeats relation 3.',
      'rel.jsonl, line 4: Relation 1 of document "d2": The argument "Same claim" matches 2 spans equally (Claim at 0–11, Claim at 12–23); the relation cannot say which.',
      'rel.jsonl, line 5: Document "d1" already had its relations on line 3.',
      'rel.jsonl, line 6: There is no document "d9" in the documents file.',
      "rel.jsonl, line 7: Relations must be a list of [argument 1 text, argument 2 text, type] triples, e.g. [[\"Fever is present\", \"It is an infection\", \"Support\"]].",
      'rel.jsonl, line 8: This line names no document; each line must be one object {"document id": [[argument 1, argument 2, type], …]}.',
    ]);
    expect(read.documents[0].annotation.relations).toEqual([{ id: "R1", label: "Support", from: "T1", to: "T4" }]);
  });

  it("reports records that do not fit together, by record and id, and a documents file that is not JSON", () => {
    const docs = JSON.stringify([
      record("a", [["x", "y"]], [["O"]]),
      record("b", [["x"]], [["E-Claim"]]),
      { id: "c", text: [["x"]] },
      record("a", [["x"]], [["O"]]),
      record("a", [["x"]], [["O"]]),
    ]);
    const read = readCasimedicos({ documents: docs, relations: "", documentsFile: "docs.json" });
    expect(read.issues.map(describeIssue)).toEqual([
      'docs.json: Record 1 (id "a"): sentence 1 has 2 tokens but 1 labels.',
      'docs.json: Record 2 (id "b"): sentence 1 has the label "E-Claim", which is not an IOB2 tag (O, B-Label, I-Label).',
      'docs.json: Record 3: "labels" must be a list of sentences, each a list of tags.',
      'docs.json: Record 5 (id "a"): this id was already used by an earlier record.',
    ]);
    expect(read.documents.map((d) => d.externalId)).toEqual(["a"]);
    expect(readCasimedicos({ documents: "{", relations: "" }).issues[0].message).toMatch(/^This is not valid JSON/);
    expect(readCasimedicos({ documents: "{}", relations: "" }).issues[0].message).toBe('The documents file must hold one JSON list of records {"id", "text", "labels"}.');
  });
});

describe("matchArgument", () => {
  const spans = [
    { id: "T1", label: "Claim", start: 0, end: 19, text: "(Option 3 is true)." },
    { id: "T2", label: "Premise", start: 20, end: 60, text: "As a reminder, fever lasts three days." },
  ];
  const text = "(Option 3 is true). As a reminder, fever lasts three days. Other text.";
  it("prefers the span equal but for edge punctuation, then the one span that contains the text", () => {
    expect(matchArgument("Option 3 is true\n", text, spans)).toEqual({ span: spans[0], exact: true });
    expect(matchArgument("s a reminder, fever", text, spans)).toEqual({ span: spans[1], exact: false });
    expect(matchArgument("Other text", text, spans)).toEqual({ error: 'The argument "Other text" is in the document, but not inside any span it could stand for.' });
    expect(matchArgument(" \n", text, spans)).toEqual({ error: 'An argument text is empty (" \\n").' });
  });
});
