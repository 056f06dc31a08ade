import { describe, expect, it } from "vitest";
import { seededRng } from "@/lib/random/seeded-rng";
import { computeCohenKappa, NOT_TWO_RATERS, ONE_SHARED_CATEGORY } from "./cohen-kappa";
import { computeFleissKappa, ONE_CATEGORY_USED } from "./fleiss-kappa";
import { computeGwetAc, ONE_CATEGORY_SCALE } from "./gwet-ac";
import { computeKrippendorffAlpha, ONE_CATEGORY } from "./krippendorff-alpha";
import { computePercentAgreement } from "./percent-agreement";
import { TOO_FEW_UNITS } from "./reliability-data";

describe("all raters agree on one category", () => {
  const values = [["yes", "yes", "yes"], ["yes", "yes", null], ["yes", "yes", "yes"]];
  it("alpha and Fleiss' kappa are undefined, with the reason", () => {
    expect(computeKrippendorffAlpha({ values })).toMatchObject({ value: null, reason: ONE_CATEGORY });
    expect(computeFleissKappa({ values })).toMatchObject({ value: null, reason: ONE_CATEGORY_USED });
  });
  it("Cohen's kappa is undefined for two raters who only ever said the same thing", () => {
    expect(computeCohenKappa({ values: values.map((u) => u.slice(0, 2)) })).toMatchObject({ value: null, reason: ONE_SHARED_CATEGORY });
  });
  it("Gwet's AC1 is defined (1) when the scale's categories are given, undefined when only one is known", () => {
    expect(computeGwetAc({ values, categories: ["yes", "no"] }).value).toBe(1);
    expect(computeGwetAc({ values })).toMatchObject({ value: null, reason: ONE_CATEGORY_SCALE });
  });
  it("percent agreement is 1", () => expect(computePercentAgreement({ values }).value).toBe(1));
});

describe("units with one value", () => {
  const paired = [[1, 2], [2, 2], [3, 3], [1, 1]];
  const withSingles = [...paired, [3, null], [null, 1], [null, null]];
  it("are ignored by alpha and Cohen's kappa and counted as unpairable", () => {
    const a = computeKrippendorffAlpha({ values: withSingles }, "interval");
    expect(a.value).toBeCloseTo(computeKrippendorffAlpha({ values: paired }, "interval").value as number, 12);
    expect(a.basis).toMatchObject({ units: 7, values: 10, pairableUnits: 4, pairableValues: 8, unpairableUnits: 2 });
    expect(computeCohenKappa({ values: withSingles }).value).toBeCloseTo(computeCohenKappa({ values: paired }).value as number, 12);
  });
  it("fewer than two pairable units leave every coefficient undefined", () => {
    const values = [[1, 2], [2, null], [null, 3]];
    for (const r of [computeKrippendorffAlpha({ values }), computeFleissKappa({ values }), computeGwetAc({ values }), computePercentAgreement({ values }), computeCohenKappa({ values })]) {
      expect(r).toMatchObject({ value: null, reason: TOO_FEW_UNITS });
    }
  });
});

describe("N/A values", () => {
  const withNa = [[1, "na", 2], [2, 2, "na"], [3, 3, 3], ["na", 1, 1]];
  const withNull = [[1, null, 2], [2, 2, null], [3, 3, 3], [null, 1, 1]];
  it("are excluded before computing and counted", () => {
    const a = computeKrippendorffAlpha({ values: withNa }, "ordinal");
    expect(a.value).toBe(computeKrippendorffAlpha({ values: withNull }, "ordinal").value);
    expect(a.basis.notApplicable).toBe(3);
    expect(a.basis.values).toBe(9);
  });
  it("can be named by the caller", () => {
    const values = [["mild", "cannot rate"], ["severe", "severe"], ["mild", "mild"]];
    const r = computeFleissKappa({ values, notApplicable: ["cannot rate"] });
    expect(r.basis).toMatchObject({ notApplicable: 1, pairableUnits: 2, categories: 2 });
  });
  it("a rater with only N/A values is no rater: Cohen's kappa needs two", () => {
    const values = [[1, "na", 1], [2, "na", 1], [2, "na", 2]];
    expect(computeCohenKappa({ values }).basis.raters).toBe(2);
    expect(computeCohenKappa({ values }).value).not.toBeNull();
    expect(computeCohenKappa({ values: [[1, 2, 1], [2, 2, 1], [2, 1, 2]] })).toMatchObject({ value: null, reason: NOT_TWO_RATERS });
  });
});

describe("ties and category order", () => {
  it("with two categories the ordinal metric (mid-ranks of tied values) equals the nominal one", () => {
    const values = [[1, 1, 2], [2, 2, 2], [1, 2, null], [1, 1, 1], [2, 1, 2]];
    expect(computeKrippendorffAlpha({ values }, "ordinal").value).toBeCloseTo(computeKrippendorffAlpha({ values }, "nominal").value as number, 12);
  });
  it("perfect agreement over several categories is 1 for every coefficient", () => {
    const values = [["A", "A"], ["tie", "tie"], ["B", "B"], ["A", "A"]];
    const categories = ["A", "tie", "B"];
    for (const r of [computeKrippendorffAlpha({ values, categories }, "ordinal"), computeCohenKappa({ values, categories }, "quadratic"), computeFleissKappa({ values }), computeGwetAc({ values, categories }, "linear")]) {
      expect(r.value).toBeCloseTo(1, 12);
    }
  });
  it("weights follow the declared order, including a category nobody used", () => {
    const values = [[1, 3], [1, 1], [3, 3], [3, 1], [1, 1]];
    const skipped = computeCohenKappa({ values, categories: [1, 2, 3] }, "linear").value;
    const adjacent = computeCohenKappa({ values, categories: [1, 3] }, "linear").value;
    expect(skipped).toBeCloseTo(adjacent as number, 12); // one disagreement step 1→3 is the whole range either way
    expect(computeGwetAc({ values, categories: [1, 2, 3] }).value).not.toBeCloseTo(computeGwetAc({ values, categories: [1, 3] }).value as number, 6); // q matters to AC1
  });
  it("yes/no answers may be booleans", () => {
    const values = [[true, true], [false, true], [false, false], [true, true]];
    expect(computeCohenKappa({ values }).value).toBeCloseTo(0.5, 12);
  });
});

describe("many distinct values", () => {
  it("interval alpha on 6,000 continuous values (no q × q matrix) is unchanged by a change of units", () => {
    const rng = seededRng(3);
    const values = Array.from({ length: 2000 }, () => {
      const truth = rng() * 100;
      return [truth + rng() * 10, truth + rng() * 10, rng() < 0.2 ? null : truth + rng() * 10];
    });
    const inCelsius = computeKrippendorffAlpha({ values }, "interval");
    const inFahrenheit = computeKrippendorffAlpha({ values: values.map((u) => u.map((x) => (x === null ? null : x * 1.8 + 32))) }, "interval");
    expect(inCelsius.basis.categories).toBeGreaterThan(5000);
    expect(inCelsius.value).toBeGreaterThan(0.8);
    expect(inFahrenheit.value).toBeCloseTo(inCelsius.value as number, 9);
    expect(computeCohenKappa({ values: values.map((u) => u.slice(0, 2)) }).value).toBeCloseTo(0, 2); // no two values coincide
  });
});

describe("malformed data is refused in plain words", () => {
  it("a value outside the declared categories", () => {
    expect(() => computeKrippendorffAlpha({ values: [[1, 4]], categories: [1, 2, 3] })).toThrow(/unit 1, rater 2: 4 is not one of the categories/);
  });
  it("a value that is not a rating", () => {
    expect(() => computeFleissKappa({ values: [[1, Number.NaN]] })).toThrow(/not a rating/);
  });
  it("ordinal or weighted statistics on text codes without an order", () => {
    expect(() => computeKrippendorffAlpha({ values: [["low", "high"]] }, "ordinal")).toThrow(/scale order/);
    expect(() => computeCohenKappa({ values: [["low", "high"]] }, "linear")).toThrow(/scale order/);
  });
  it("interval on text, ratio on negatives, duplicate categories, a wrong custom weight matrix", () => {
    expect(() => computeKrippendorffAlpha({ values: [["a", "b"]] }, "interval")).toThrow(/numeric values/);
    expect(() => computeKrippendorffAlpha({ values: [[-1, 2]] }, "ratio")).toThrow(/zero or more/);
    expect(() => computeFleissKappa({ values: [], categories: [1, 1] })).toThrow(/listed twice/);
    expect(() => computeCohenKappa({ values: [[1, 2]] }, { disagreement: [[0]] })).toThrow(/2 × 2 matrix/);
  });
});
