import { describe, expect, it } from "vitest";
import { describeIssue } from "../format-issue";
import { parseBratAnn } from "./parse-ann";

const issuesOf = (ann: string, text: string) => parseBratAnn(ann, text, { file: "doc.ann" }).issues.map(describeIssue);

describe("parseBratAnn", () => {
  it("reads T and R lines, with or without the trailing tab, CRLF line ends, blank lines and a byte-order mark", () => {
    const text = " Aspirin helps. Trials show it.";
    const ann = "\uFEFFT1\tClaim 1 15\tAspirin helps.\r\nT2\tPremise 16 31\tTrials show it.\r\n\r\nR1\tSupport Arg1:T2 Arg2:T1\t\r\nR2\tAttack Arg2:T2 Arg1:T1\n";
    expect(parseBratAnn(ann, text)).toEqual({
      annotation: {
        spans: [
          { id: "T1", label: "Claim", start: 1, end: 15, text: "Aspirin helps." },
          { id: "T2", label: "Premise", start: 16, end: 31, text: "Trials show it." },
        ],
        relations: [
          { id: "R1", label: "Support", from: "T2", to: "T1" },
          { id: "R2", label: "Attack", from: "T1", to: "T2" },
        ],
      },
      issues: [],
    });
  });

  it("counts offsets in code points, as brat and Python do: emoji, CJK, Arabic and Hebrew", () => {
    const text = "👨‍👩‍👧 家族 𠮷. ضغط 120/80. לחץ 140/90.";
    const ann = ["T1\tPremise 6 10\t家族 𠮷", "T2\tPremise 12 22\tضغط 120/80", "T3\tClaim 24 34\tלחץ 140/90"].join("\n");
    const parsed = parseBratAnn(ann, text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.annotation.spans.map((s) => s.text)).toEqual(["家族 𠮷", "ضغط 120/80", "לחץ 140/90"]);
  });

  it("refuses a T line whose text differs from the document, and says when the offsets look like UTF-16 units", () => {
    const text = "🙂 Aspirin helps.";
    expect(issuesOf("T1\tClaim 3 16\tAspirin helps.", text)).toEqual([
      'doc.ann, line 1: T1\'s text "Aspirin helps." differs from the document\'s text at 3 16, "spirin helps.". The offsets match if counted in UTF-16 units (as JavaScript does); brat counts characters (code points), as Python does.',
    ]);
    expect(issuesOf("T1\tClaim 2 9\tAspirin helps", text)).toEqual(['doc.ann, line 1: T1\'s text "Aspirin helps" differs from the document\'s text at 2 9, "Aspirin".']);
    expect(issuesOf("T1\tClaim 2 9\tAspirin\t ", text)).toEqual([]); // whitespace after the text is allowed, as in brat
    expect(issuesOf("T1\tClaim 2 9", text)).toEqual(["doc.ann, line 1: T1 has no text after its offsets; brat writes the span's text there, and Consilium checks it against the document."]);
    expect(issuesOf("T1\tClaim 2 99\tx", text)).toEqual(["doc.ann, line 1: T1 ends at 99, after the end of the text (16 characters). Is this the .ann file of this .txt?"]);
    expect(issuesOf("T1\tClaim 9 2\tx", text)).toEqual(["doc.ann, line 1: T1 starts at 9, after its end 2."]);
    expect(issuesOf("T1\tClaim 4 4\t", text)).toEqual(["doc.ann, line 1: T1 is empty (it starts and ends at 4)."]);
    expect(issuesOf("T1\tMajor claim 2 9\tAspirin", text)).toEqual([
      'doc.ann, line 1: T1 should read "T1<tab>Label start end<tab>text", e.g. "T1\tClaim 0 25\tAspirin lowers the risk."; found "Major claim 2 9".',
    ]);
  });

  it("reports every line it does not import, with its line number, and keeps the rest", () => {
    const text = "Aspirin helps.\nTrials show it.";
    const ann = [
      "T1\tClaim 0 14\tAspirin helps.",
      "E1\tTreatment:T1",
      "A1\tNegated T1",
      "N1\tReference T1 Wikipedia:534366\tAspirin",
      "#1\tAnnotatorNotes T1\tcheck this",
      "*\tEquiv T1 T2",
      "T2\tPremise 0 7;15 21\tAspirin Trials",
      "R1\tSupport Arg1:T2 Arg2:T1\t",
      "R2\tSupport Arg1:T1 Arg2:T9\t",
      "R3\tSupport Source:T1 Target:T1",
      "T1\tClaim 0 7\tAspirin",
      "X1\tsomething",
      "no tab here",
    ].join("\n");
    const parsed = parseBratAnn(ann, text, { file: "doc.ann" });
    expect(parsed.annotation.spans.map((s) => s.id)).toEqual(["T1"]);
    expect(parsed.annotation.relations).toEqual([]);
    expect(parsed.issues.map(describeIssue)).toEqual([
      "doc.ann, line 2: E1 is an event (E line); Consilium imports only text spans (T lines) and relations (R lines), so it was not imported.",
      "doc.ann, line 3: A1 is an attribute (A line); Consilium imports only text spans (T lines) and relations (R lines), so it was not imported.",
      "doc.ann, line 4: N1 is a normalization (N line); Consilium imports only text spans (T lines) and relations (R lines), so it was not imported.",
      "doc.ann, line 5: #1 is a note (# line); Consilium imports only text spans (T lines) and relations (R lines), so it was not imported.",
      "doc.ann, line 6: * is an equivalence (* line); Consilium imports only text spans (T lines) and relations (R lines), so it was not imported.",
      'doc.ann, line 7: T2 is a discontinuous span (0 7;15 21) that leaves out " helps.\\n"; Consilium\'s spans are continuous, so it was not imported. Split it into separate spans, or cover the gap.',
      "doc.ann, line 10: R3 has the arguments Source and Target; Consilium reads relations with Arg1 (from) and Arg2 (to).",
      "doc.ann, line 11: The id T1 was already used on line 1; every annotation needs its own id.",
      "doc.ann, line 12: X1 is not a kind of brat annotation Consilium knows (T for spans, R for relations).",
      "doc.ann, line 13: This is not a brat annotation line: it should start with an id such as T1 or R1, then a tab.",
      "doc.ann, line 8: Relation R1 was not imported: T2 (line 7) was not imported.",
      "doc.ann, line 9: Relation R2 was not imported: T9 is not in the file.",
    ]);
  });

  it("joins the pieces brat makes of a selection across a line break into one span", () => {
    const text = "Claim starts here\n\nand ends here.";
    const parsed = parseBratAnn("T1\tClaim 0 17;19 33\tClaim starts here and ends here.", text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.annotation.spans).toEqual([{ id: "T1", label: "Claim", start: 0, end: 33, text }]);
  });
});
