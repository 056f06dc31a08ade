import { describe, expect, it } from "vitest";
import type { ArgumentSpan } from "../argument-types";
import { tagTokens } from "./tag-tokens";
import { tokenizeWhitespace } from "./tokenize";
import { writeConll } from "./write-conll";

const span = (id: string, label: string, text: string, start: number, end: number): ArgumentSpan => ({ id, label, start, end, text: Array.from(text).slice(start, end).join("") });
const tags = (text: string, spans: ArgumentSpan[], fold = false) => tagTokens(text, spans, { foldMajorClaim: fold }).map((t) => `${t.text}/${t.tag}`);

describe("whitespace tokens", () => {
  it("split on Unicode whitespace (no-break space, ideographic space, line breaks) with code-point offsets", () => {
    const text = " 👨‍👩‍👧 tired\u00a0today\n患者\u3000は ضغط 120/80 לחץ";
    expect(tokenizeWhitespace(text).map((t) => [t.text, t.start, t.end])).toEqual([
      ["👨‍👩‍👧", 1, 6],
      ["tired", 7, 12],
      ["today", 13, 18],
      ["患者", 19, 21],
      ["は", 22, 23],
      ["ضغط", 24, 27],
      ["120/80", 28, 34],
      ["לחץ", 35, 38],
    ]);
  });
});

describe("IOB2 tags from spans", () => {
  const text = "Aspirin lowers risk because trials show benefit.";
  //            0       8      15   20      28     35   40

  it("tag B- on a span's first token and I- after; a token partly covered belongs to the span", () => {
    expect(tags(text, [span("a", "Claim", text, 0, 19), span("b", "Premise", text, 28, 47)])).toEqual([
      "Aspirin/B-Claim",
      "lowers/I-Claim",
      "risk/I-Claim",
      "because/O",
      "trials/B-Premise",
      "show/I-Premise",
      "benefit./I-Premise", // covered up to, not including, its full stop
    ]);
  });

  it("let the outermost, longest span win nested and crossing spans; the shorter resumes with B-", () => {
    const outer = span("o", "Claim", text, 0, 48);
    const inner = span("i", "Premise", text, 28, 47);
    expect(tags(text, [inner, outer])).toEqual(["Aspirin/B-Claim", "lowers/I-Claim", "risk/I-Claim", "because/I-Claim", "trials/I-Claim", "show/I-Claim", "benefit./I-Claim"]);
    const left = span("l", "Premise", text, 0, 26); // "Aspirin lowers risk becaus"
    const right = span("r", "Claim", text, 15, 48); // "risk because trials show benefit.", longer
    expect(tags(text, [left, right])).toEqual(["Aspirin/B-Premise", "lowers/I-Premise", "risk/B-Claim", "because/I-Claim", "trials/I-Claim", "show/I-Claim", "benefit./I-Claim"]);
  });

  it("break ties by earlier start, then label; two adjacent spans of one label stay two (B- twice)", () => {
    const a = span("a", "Premise", text, 0, 14);
    const b = span("b", "Claim", text, 0, 14);
    expect(tags(text, [a, b]).slice(0, 2)).toEqual(["Aspirin/B-Claim", "lowers/I-Claim"]);
    const c = span("c", "Claim", text, 15, 26);
    expect(tags(text, [b, c]).slice(0, 4)).toEqual(["Aspirin/B-Claim", "lowers/I-Claim", "risk/B-Claim", "because/I-Claim"]);
  });

  it("fold MajorClaim into Claim on request; a MajorClaim next to a Claim still starts with B-", () => {
    const spans = [span("m", "MajorClaim", text, 0, 14), span("c", "Claim", text, 15, 26)];
    expect(tags(text, spans)).toEqual(["Aspirin/B-MajorClaim", "lowers/I-MajorClaim", "risk/B-Claim", "because/I-Claim", "trials/O", "show/O", "benefit./O"]);
    expect(tags(text, spans, true).slice(0, 3)).toEqual(["Aspirin/B-Claim", "lowers/I-Claim", "risk/B-Claim"]);
  });

  it("tag right-to-left and emoji text by code points", () => {
    const rtl = "🙂 ضغط الدم 140/90 مرتفع";
    expect(tags(rtl, [span("p", "Premise", rtl, 2, 17)])).toEqual(["🙂/O", "ضغط/B-Premise", "الدم/I-Premise", "140/90/I-Premise", "مرتفع/O"]);
  });
});

describe("writeConll", () => {
  it("writes token<TAB>tag lines, a blank line between documents, none for a document without tokens", () => {
    const docs = [
      { text: "Aspirin works.", annotation: { spans: [span("a", "Claim", "Aspirin works.", 0, 14)], relations: [] } },
      { text: "   ", annotation: { spans: [], relations: [] } },
      { text: "No spans", annotation: { spans: [], relations: [] } },
    ];
    expect(writeConll(docs)).toBe("Aspirin\tB-Claim\nworks.\tI-Claim\n\nNo\tO\nspans\tO\n");
    expect(writeConll(docs, { separator: " " })).toBe("Aspirin B-Claim\nworks. I-Claim\n\nNo O\nspans O\n");
    expect(writeConll([])).toBe("");
  });
});
