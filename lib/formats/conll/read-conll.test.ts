import { describe, expect, it } from "vitest";
import { describeIssue } from "../format-issue";
import { decodeIob } from "./decode-iob";
import { readConll } from "./read-conll";
import { writeConll } from "./write-conll";

describe("decodeIob", () => {
  it("reads IOB2 as conlleval does: an I- after O or another label starts a new range", () => {
    expect(decodeIob(["B-Claim", "I-Claim", "O", "I-Premise", "I-Premise", "I-Claim", "B-Claim", "B-Claim"])).toEqual([
      { label: "Claim", from: 0, to: 2 },
      { label: "Premise", from: 3, to: 5 },
      { label: "Claim", from: 5, to: 6 },
      { label: "Claim", from: 6, to: 7 },
      { label: "Claim", from: 7, to: 8 },
    ]);
  });
});

describe("readConll", () => {
  it("reads back what writeConll wrote: the text as tokens joined by spaces, spans at code-point offsets", () => {
    const text = "🙂 Aspirin  works,\nsays ضغط.";
    const spans = [{ id: "a", label: "Claim", start: 2, end: 17, text: "Aspirin  works," }];
    const bio = writeConll([{ text, annotation: { spans, relations: [] } }, { text: "Second doc", annotation: { spans: [], relations: [] } }]);
    const { documents, issues } = readConll(bio);
    expect(issues).toEqual([]);
    expect(documents).toEqual([
      { line: 1, text: "🙂 Aspirin works, says ضغط.", annotation: { spans: [{ id: "T1", label: "Claim", start: 2, end: 16, text: "Aspirin works," }], relations: [] } },
      { line: 7, text: "Second doc", annotation: { spans: [], relations: [] } },
    ]);
  });

  it("in sentence mode, joins sentences with line breaks and splits documents at -DOCSTART-; reads extra columns", () => {
    const content = "-DOCSTART- -X- O\nAspirin NN B-Claim\nworks VB I-Claim\n\nTrials B-Premise\n-DOCSTART- -X- O\nNext O\n";
    const { documents, issues } = readConll(content, { blankLine: "sentence" });
    expect(issues).toEqual([]);
    expect(documents.map((d) => [d.line, d.text, d.annotation.spans.map((s) => `${s.label} ${s.start}-${s.end} ${s.text}`)])).toEqual([
      [2, "Aspirin works\nTrials", ["Claim 0-13 Aspirin works", "Premise 14-20 Trials"]],
      [7, "Next", []],
    ]);
  });

  it("reports lines without a tag and tags that are not IOB2, by line", () => {
    const { issues } = readConll("Aspirin B-Claim\nworks\nwell E-Claim\nok B-Major claim\r\n", { file: "x.bio" });
    expect(issues.map(describeIssue)).toEqual([
      'x.bio, line 2: Expected a token and its tag, e.g. "Aspirin\tB-Claim"; found only "works".',
      'x.bio, line 3: "E-Claim" is not an IOB2 tag: use O, B-Label or I-Label (a label has letters, digits, _ and -, and starts with a letter).',
      'x.bio, line 4: "claim" is not an IOB2 tag: use O, B-Label or I-Label (a label has letters, digits, _ and -, and starts with a letter).',
    ]);
  });
});
