import { describe, expect, it } from "vitest";
import { medPalmLongForm } from "@/lib/rubrics/templates/med-palm";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { checkDocument, type AxisRule } from "./index";

const axes: AxisRule[] = medPalmLongForm.axes.map((a) => ({ ...a, min: a.min ?? null, max: a.max ?? null }));
const scale: AxisRule = { key: "quality", label: "Quality", type: "SCALE", appliesTo: "ITEM", required: false, options: [], min: 1, max: 5 };

function fullRatings() {
  return Object.fromEntries(axes.map((a) => [a.key, a.options[0].value]));
}

describe("checkDocument (every tool's checks)", () => {
  it("accepts an incomplete draft but refuses it at submit, naming each missing axis", () => {
    const data = emptyAnnotationData();
    expect(checkDocument(data, { axes, responseIds: ["r1"] }, false)).toEqual([]);
    const problems = checkDocument(data, { axes, responseIds: ["r1"] }, true);
    expect(problems).toHaveLength(12);
    expect(problems[0]).toEqual({ path: "responses.r1.ratings.scientific_consensus", message: 'Response A: "Scientific consensus" is required.', code: "required", params: { where: "Response A", axis: "Scientific consensus" } });
  });

  it("accepts a complete annotation for submit", () => {
    const data = { ...emptyAnnotationData(), responses: { r1: { ratings: fullRatings(), comments: {} }, r2: { ratings: fullRatings(), comments: {} } } };
    expect(checkDocument(data, { axes, responseIds: ["r1", "r2"] }, true)).toEqual([]);
  });

  it("refuses values that are not options, unknown axes and foreign responses", () => {
    const data = { ...emptyAnnotationData(), responses: { r1: { ratings: { harm_extent: "catastrophic", nonsense: "x" }, comments: {} }, other: { ratings: {}, comments: {} } } };
    const messages = checkDocument(data, { axes, responseIds: ["r1"] }, false).map((p) => p.message);
    expect(messages).toContain('"catastrophic" is not an option of Extent of possible harm.');
    expect(messages).toContain('Unknown axis "nonsense".');
    expect(messages).toContain("This response is not part of the assignment.");
  });

  it("checks scale bounds and integer values", () => {
    const data = { ...emptyAnnotationData(), item: { ratings: { quality: 6 }, comments: {} } };
    expect(checkDocument(data, { axes: [scale], responseIds: [] }, false)[0].message).toMatch(/from 1 to 5/);
    data.item.ratings.quality = 4;
    expect(checkDocument(data, { axes: [scale], responseIds: [] }, false)).toEqual([]);
  });

  const pairAxis: AxisRule = { key: "reasoning", label: "Reasoning", type: "CHOICE", appliesTo: "PAIR", required: true, options: [{ value: "A" }, { value: "tie" }, { value: "B" }], min: null, max: null };

  it("stores pairwise choices as response ids or tie, never screen letters", () => {
    const data = emptyAnnotationData();
    const ctx = { axes: [pairAxis], responseIds: ["r2", "r1"] };
    expect(checkDocument(data, ctx, true)).toEqual([{ path: "pair.ratings.reasoning", message: 'Comparison: "Reasoning" is required.', code: "required", params: { where: "Comparison", axis: "Reasoning" } }]);
    data.pair.ratings.reasoning = "A";
    expect(checkDocument(data, ctx, false)[0].message).toMatch(/one of the two responses/);
    data.pair.ratings.reasoning = "r1";
    expect(checkDocument(data, ctx, true)).toEqual([]);
    data.pair.ratings.reasoning = "tie";
    data.pair.strength.nonsense = 2;
    expect(checkDocument(data, ctx, true).map((p) => p.path)).toEqual(["pair.strength.nonsense"]);
  });

  it("checks multi-select choices as lists of known options within the limit", () => {
    const multi: AxisRule = { key: "errors", label: "Errors", type: "CHOICE", appliesTo: "RESPONSE", required: true, options: [{ value: "a" }, { value: "b" }, { value: "c" }], min: null, max: 2 };
    const at = (value: string[] | string) => checkDocument({ ...emptyAnnotationData(), responses: { r1: { ratings: { errors: value }, comments: {} } } }, { axes: [multi], responseIds: ["r1"] }, true);
    expect(at(["a", "b"])).toEqual([]);
    expect(at(["a", "b", "c"])[0].message).toMatch(/at most 2/);
    expect(at(["a", "z"])[0].message).toMatch(/"z" is not an option/);
    expect(at("a")[0].message).toMatch(/list of options/);
    expect(at([])[0].message).toMatch(/is required/);
  });

  it("requires every criterion marked for every response at submit and refuses foreign criteria", () => {
    const ctx = { axes: [], responseIds: ["r1"], criterionIds: ["c1", "c2"] };
    const data = { ...emptyAnnotationData(), responses: { r1: { ratings: {}, comments: {}, criteria: { c1: { met: true }, c9: { met: false } } } } };
    const problems = checkDocument(data, ctx, true).map((p) => p.message);
    expect(problems).toContain("This criterion is not part of the item.");
    expect(problems).toContain("Response A: 1 criterion is not marked met or not met.");
    expect(checkDocument(data, ctx, false).map((p) => p.message)).toEqual(["This criterion is not part of the item."]);
    delete (data.responses.r1.criteria as Record<string, unknown>).c9;
    (data.responses.r1.criteria as Record<string, { met: boolean }>).c2 = { met: false };
    expect(checkDocument(data, ctx, true)).toEqual([]);
  });

  it("requires every differential entry graded when the rubric grades entries, and refuses ranks beyond the list", () => {
    const ctx = { axes: [], responseIds: ["r1"], differentialLengths: { r1: 2 } };
    const data = { ...emptyAnnotationData(), responses: { r1: { ratings: {}, comments: {}, entries: { "0": { match: "exact" as const }, "5": { match: "unrelated" as const } } } } };
    expect(checkDocument(data, ctx, true).map((p) => p.message)).toEqual(["This differential entry is not part of the response.", "Response A: 1 differential entry is not graded."]);
    data.responses.r1.entries = { "0": { match: "exact" }, "1": { match: "unrelated" } } as never;
    expect(checkDocument(data, ctx, true)).toEqual([]);
    // Without the tool, entries are not asked for.
    expect(checkDocument({ ...emptyAnnotationData() }, { axes: [], responseIds: ["r1"] }, true)).toEqual([]);
  });

  it("accepts \"Cannot rate / N/A\" only on axes that offer it, and counts it as answered", () => {
    const ctx = (allows: boolean) => ({ axes: [{ ...scale, appliesTo: "RESPONSE" as const, required: true, allowsNotApplicable: allows }], responseIds: ["r1"] });
    const data = { ...emptyAnnotationData(), responses: { r1: { ratings: { quality: "na" }, comments: {} } } };
    expect(checkDocument(data, ctx(true), true)).toEqual([]);
    expect(checkDocument(data, ctx(false), true)[0].message).toMatch(/whole number from 1 to 5/);
  });
});
