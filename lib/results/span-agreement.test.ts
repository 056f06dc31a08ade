import { describe, expect, it } from "vitest";
import { SpanTexts } from "./span-agreement";

describe("span agreement for grounding marks and record statements", () => {
  it("pools span F1 over reviewer pairs per text; a reviewer who marked nothing counts", () => {
    const texts = new SpanTexts();
    const s = (label: string, start: number, end: number) => ({ label, start, end, text: "x".repeat(end - start) });
    // Text 1: same label, one exact match and one overlapping; text 2: one reviewer marked nothing.
    texts.add("i1/r1", [s("contradicted", 0, 10), s("supported", 20, 30)]);
    texts.add("i1/r1", [s("contradicted", 0, 10), s("supported", 22, 35)]);
    texts.add("i1/r2", [s("unsupported", 0, 5)]);
    texts.add("i1/r2", []);
    // A text only one reviewer saw adds nothing.
    texts.add("i2/r1", [s("supported", 0, 5)]);
    const a = texts.agreement();
    expect([a.texts, a.pairs]).toEqual([2, 2]);
    // Exact: 1 match of (2 + 2) + (1 + 0) spans = 2·1/5; overlap: 2 matches = 2·2/5.
    expect(a.spansExact).toEqual({ matches: 1, a: 3, b: 2, f1: 0.4 });
    expect(a.spansOverlap).toEqual({ matches: 2, a: 3, b: 2, f1: 0.8 });
  });
});
