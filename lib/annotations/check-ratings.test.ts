import { describe, expect, it } from "vitest";
import { medPalmLongForm } from "@/lib/rubrics/templates/med-palm";
import { checkRatings, type AxisRule } from "./check-ratings";
import { emptyAnnotationData } from "./schema";

const axes: AxisRule[] = medPalmLongForm.axes.map((a) => ({ ...a, min: a.min ?? null, max: a.max ?? null }));
const scale: AxisRule = { key: "quality", label: "Quality", type: "SCALE", appliesTo: "ITEM", required: false, options: [], min: 1, max: 5 };

function fullRatings() {
  return Object.fromEntries(axes.map((a) => [a.key, a.options[0].value]));
}

describe("checkRatings", () => {
  it("accepts an incomplete draft but refuses it at submit, naming each missing axis", () => {
    const data = emptyAnnotationData();
    expect(checkRatings(data, axes, ["r1"], false)).toEqual([]);
    const problems = checkRatings(data, axes, ["r1"], true);
    expect(problems).toHaveLength(12);
    expect(problems[0]).toEqual({ path: "responses.r1.ratings.scientific_consensus", message: 'Response 1: "Scientific consensus" is required.' });
  });

  it("accepts a complete annotation for submit", () => {
    const data = { ...emptyAnnotationData(), responses: { r1: { ratings: fullRatings(), comments: {} }, r2: { ratings: fullRatings(), comments: {} } } };
    expect(checkRatings(data, axes, ["r1", "r2"], true)).toEqual([]);
  });

  it("refuses values that are not options, unknown axes and foreign responses", () => {
    const data = { ...emptyAnnotationData(), responses: { r1: { ratings: { harm_extent: "catastrophic", nonsense: "x" }, comments: {} }, other: { ratings: {}, comments: {} } } };
    const messages = checkRatings(data, axes, ["r1"], false).map((p) => p.message);
    expect(messages).toContain('"catastrophic" is not an option of Extent of possible harm.');
    expect(messages).toContain('Unknown axis "nonsense".');
    expect(messages).toContain("This response is not part of the assignment.");
  });

  it("checks scale bounds and integer values", () => {
    const data = { ...emptyAnnotationData(), item: { ratings: { quality: 6 }, comments: {} } };
    expect(checkRatings(data, [scale], [], false)[0].message).toMatch(/from 1 to 5/);
    data.item.ratings.quality = 4;
    expect(checkRatings(data, [scale], [], false)).toEqual([]);
  });
});
