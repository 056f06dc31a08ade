import { describe, expect, it } from "vitest";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { describeArguments } from "./describe";

const labels = { axes: new Map<string, string>(), responses: new Map<string, string>(), criteria: new Map<string, string>() };
const doc = (spans: Array<{ id: string; label: string; start: number; end: number; text: string }>) => ({ ...emptyAnnotationData(), arguments: { "item.text": { spans, relations: [] } } });

describe("argument change descriptions", () => {
  it("a relabelled or resized span is a change; the same id on another part of the text is a removal and an addition", () => {
    const before = doc([{ id: "T1", label: "Claim", start: 0, end: 5, text: "Aspir" }, { id: "T2", label: "Claim", start: 10, end: 20, text: "lowers risk" }]);
    const after = doc([{ id: "T1", label: "Premise", start: 0, end: 7, text: "Aspirin" }, { id: "T2", label: "MajorClaim", start: 30, end: 40, text: "is advised" }]);
    expect(describeArguments.document!(before, after, labels)).toEqual([
      'Arguments · Text: Claim "Aspir" → Premise "Aspirin"',
      'Arguments · Text: added MajorClaim "is advised"',
      'Arguments · Text: removed Claim "lowers risk"',
    ]);
  });
});
