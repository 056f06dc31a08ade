import { describe, expect, it } from "vitest";
import { blocksOf, layoutSpans, spanAt } from "./span-layout";

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

  it("groups the segments into paragraphs that end after each line break, cutting a segment that crosses one", () => {
    const text = "Results: cure 88%.\nConclusion: shorter is fine.\n\nEnd";
    const crossing = { id: "T1", label: "Claim", start: text.indexOf("88%"), end: text.indexOf("shorter"), text: "" };
    const inside = { id: "T2", label: "Premise", start: text.indexOf("shorter"), end: text.indexOf(" is"), text: "" };
    const layout = layoutSpans(text, [crossing, inside]);
    const blocks = blocksOf(text, layout);
    expect(blocks.map((b) => b.pieces.map((p) => [text.slice(p.from, p.to), p.seg.spans.map((s) => s.id).join("+"), p.tags.map((s) => s.id).join("+")]))).toEqual([
      [["Results: cure ", "", ""], ["88%.\n", "T1", "T1"]],
      [["Conclusion: ", "T1", ""], ["shorter", "T2", "T2"], [" is fine.\n", "", ""]],
      [["\n", "", ""]],
      [["End", "", ""]],
    ]);
    // Every character is drawn exactly once, in order.
    expect(blocks.flatMap((b) => b.pieces.map((p) => text.slice(p.from, p.to))).join("")).toBe(text);
    // An edit in one paragraph leaves the others' signatures (what their memo compares) as they were.
    const again = blocksOf(text, layoutSpans(text, [crossing, inside, { id: "T3", label: "Premise", start: text.indexOf("End"), end: text.length, text: "" }]));
    expect(again.map((b, i) => b.signature === blocks[i].signature)).toEqual([true, true, true, false]);
  });

  it("draws an empty text as no paragraph", () => {
    expect(blocksOf("", layoutSpans("", []))).toEqual([]);
  });
});
