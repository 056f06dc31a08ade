import { describe, expect, it } from "vitest";
import { layoutSpans, spanAt } from "./span-layout";

describe("span layout", () => {
  it("stacks overlapping and nested spans in lanes and cuts the text at every boundary (UTF-16 for the DOM)", () => {
    const text = "🙂 Aspirin lowered risk in adults.";
    const layout = layoutSpans(text, [
      { id: "T1", label: "Claim", start: 2, end: 33, text: "" }, // the whole sentence
      { id: "T2", label: "Premise", start: 10, end: 22, text: "" }, // nested
      { id: "T3", label: "Premise", start: 18, end: 33, text: "" }, // crosses T2's end
    ]);
    expect(layout.spans.map((s) => [s.id, s.from, s.to, s.lane])).toEqual([["T1", 3, 34, 0], ["T2", 11, 23, 1], ["T3", 19, 34, 2]]);
    expect(layout.segments.map((s) => [text.slice(s.from, s.to), s.spans.map((x) => x.id).join("+")])).toEqual([
      ["🙂 ", ""], ["Aspirin ", "T1"], ["lowered ", "T1+T2"], ["risk", "T1+T2+T3"], [" in adults.", "T1+T3"],
    ]);
    expect(spanAt(layout, text.indexOf("risk"))!.id).toBe("T2");
    expect(spanAt(layout, 0)).toBeNull();
  });
});
