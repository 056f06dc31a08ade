import { describe, expect, it } from "vitest";
import { krippendorff2011 } from "@/test/support/published-agreement-data";
import { computeAxisAgreement, levelOfAxis } from "./axis-agreement";
import { computeCohenKappa } from "./cohen-kappa";
import { computeGwetAc } from "./gwet-ac";
import { computeKrippendorffAlpha } from "./krippendorff-alpha";
import { reliabilityDataFromRatings } from "./from-ratings";

const keys = (r: ReturnType<typeof computeAxisAgreement>) => r.coefficients.map((c) => c.key);

describe("levelOfAxis", () => {
  it("choices and yes/no are nominal, scales ordinal, unless the rubric declares otherwise", () => {
    expect(levelOfAxis({ type: "choice" })).toBe("nominal");
    expect(levelOfAxis({ type: "boolean" })).toBe("nominal");
    expect(levelOfAxis({ type: "scale" })).toBe("ordinal");
    expect(levelOfAxis({ type: "scale", level: "interval" })).toBe("interval");
    expect(levelOfAxis({ type: "choice", level: "ordinal" })).toBe("ordinal");
  });
});

describe("computeAxisAgreement", () => {
  it("a scale rated by four raters: ordinal alpha, Fleiss, AC1, AC2 and percent agreement, no Cohen", () => {
    const r = computeAxisAgreement({ type: "scale" }, { values: krippendorff2011 }, { resamples: 200 });
    expect(keys(r)).toEqual(["krippendorff_alpha", "fleiss_kappa", "gwet_ac1", "gwet_ac2_linear", "gwet_ac2_quadratic", "percent_agreement"]);
    expect(r.level).toBe("ordinal");
    expect(r.coefficients[0].value).toBeCloseTo(0.815, 3); // Krippendorff 2011's ordinal alpha
    expect(r.coefficients[0].label).toBe("Krippendorff's alpha (ordinal)");
    expect(r.basis).toMatchObject({ units: 12, raters: 4, pairableUnits: 11, pairableValues: 40 });
    for (const c of r.coefficients) {
      expect(c.interval).toMatchObject({ level: 0.95, resamples: 200 });
      expect(c.citation).not.toBe("");
    }
  });
  it("a scale rated by exactly two raters adds Cohen's kappa, linear and quadratic", () => {
    const values = [[1, 2], [2, 2], [3, 3], [4, 3], [1, 1], [5, 4], [2, 1]];
    const r = computeAxisAgreement({ type: "scale" }, { values, categories: [1, 2, 3, 4, 5] }, { resamples: 0 });
    expect(keys(r)).toEqual(["krippendorff_alpha", "cohen_kappa", "cohen_kappa_linear", "cohen_kappa_quadratic", "fleiss_kappa", "gwet_ac1", "gwet_ac2_linear", "gwet_ac2_quadratic", "percent_agreement"]);
    const byKey = Object.fromEntries(r.coefficients.map((c) => [c.key, c]));
    expect(byKey.cohen_kappa_quadratic.value).toBe(computeCohenKappa({ values, categories: [1, 2, 3, 4, 5] }, "quadratic").value);
    expect(byKey.gwet_ac2_linear.value).toBe(computeGwetAc({ values, categories: [1, 2, 3, 4, 5] }, "linear").value);
    expect(byKey.krippendorff_alpha.value).toBe(computeKrippendorffAlpha({ values }, "ordinal").value);
    expect(r.coefficients.every((c) => c.interval === null)).toBe(true); // resamples: 0 skips the bootstrap
  });
  it("a yes/no axis with two raters: nominal coefficients and unweighted Cohen only", () => {
    const values = [[true, true], [false, true], [false, false], [true, true], [true, "na"]];
    const r = computeAxisAgreement({ type: "boolean" }, { values, categories: [true, false] }, { resamples: 100 });
    expect(keys(r)).toEqual(["krippendorff_alpha", "cohen_kappa", "fleiss_kappa", "gwet_ac1", "percent_agreement"]);
    expect(r.basis.notApplicable).toBe(1);
  });
  it("a declared interval scale: interval alpha, no weighted kappas", () => {
    const r = computeAxisAgreement({ type: "scale", level: "interval" }, { values: krippendorff2011 }, { resamples: 0 });
    expect(r.coefficients[0].value).toBeCloseTo(0.849, 3);
    expect(keys(r)).not.toContain("cohen_kappa_linear");
    expect(keys(r)).not.toContain("gwet_ac2_linear");
  });
  it("a safety axis where everyone said 'no harm': kappa and alpha null with a reason and no interval, AC1 = 1", () => {
    const values = Array.from({ length: 30 }, () => ["none", "none", "none"]);
    const r = computeAxisAgreement({ type: "choice" }, { values, categories: ["none", "mild", "severe"] }, { resamples: 100 });
    const byKey = Object.fromEntries(r.coefficients.map((c) => [c.key, c]));
    expect(byKey.krippendorff_alpha).toMatchObject({ value: null, interval: null });
    expect(byKey.krippendorff_alpha.reason).toMatch(/no variation/);
    expect(byKey.fleiss_kappa.value).toBeNull();
    expect(byKey.gwet_ac1.value).toBe(1);
    expect(byKey.gwet_ac1.interval).toMatchObject({ low: 1, high: 1 });
  });
});

describe("reliabilityDataFromRatings", () => {
  it("turns (unit, rater, value) rows into the units × raters matrix, keeping ids", () => {
    const data = reliabilityDataFromRatings([
      { unit: "r1", rater: "ana", value: 2 },
      { unit: "r1", rater: "ben", value: 3 },
      { unit: "r2", rater: "ben", value: 1 },
      { unit: "r2", rater: "cy", value: "na" },
      { unit: "r3", rater: "cy", value: 2 },
    ], { categories: [1, 2, 3] });
    expect(data.unitIds).toEqual(["r1", "r2", "r3"]);
    expect(data.raterIds).toEqual(["ana", "ben", "cy"]);
    expect(data.values).toEqual([[2, 3], [null, 1, "na"], [null, null, 2]]);
    expect(data.categories).toEqual([1, 2, 3]);
    expect(computeKrippendorffAlpha(data).basis).toMatchObject({ units: 3, raters: 3, notApplicable: 1, pairableUnits: 1, unpairableUnits: 2 });
  });
  it("refuses a rater rating the same unit twice (that is intra-rater data)", () => {
    expect(() => reliabilityDataFromRatings([{ unit: "u", rater: "a", value: 1 }, { unit: "u", rater: "a", value: 2 }])).toThrow(/rated unit u twice/);
  });
});
