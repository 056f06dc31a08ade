import { describe, expect, it } from "vitest";
import { seededRng } from "@/lib/random/seeded-rng";
import { planCohenKappa } from "./cohen-kappa";
import { planFleissKappa } from "./fleiss-kappa";
import { planGwetAc } from "./gwet-ac";
import { planKrippendorffAlpha } from "./krippendorff-alpha";
import { planPercentAgreement } from "./percent-agreement";
import { prepareFromProfiles, prepareReliabilityData, type PreparedData, type ProfileCount, type RatingValue } from "./reliability-data";

// prepareFromProfiles must be a faithful summary: the same units, given as value profiles with unit
// counts, give exactly the coefficients and the basis of the units × raters matrix.

function randomUnits(seed: number, units: number, raters: number, perUnit: number) {
  const rng = seededRng(seed);
  return Array.from({ length: units }, () => {
    const row: Array<RatingValue | null> = Array.from({ length: raters }, () => null);
    const truth = 1 + Math.floor(rng() * 5);
    for (let k = 0; k < perUnit; k++) {
      const r = Math.floor(rng() * raters);
      row[r] = rng() < 0.06 ? "na" : rng() < 0.35 ? 1 + Math.floor(rng() * 5) : truth;
    }
    return row;
  });
}

/** The test's own grouping: profile = sorted values (and, with two raters, who gave which). */
function profilesOf(values: Array<Array<RatingValue | null>>): { profiles: ProfileCount[]; raters: number } {
  const active = new Set<number>();
  values.forEach((row) => row.forEach((v, r) => v !== null && v !== "na" && active.add(r)));
  const [a, b] = [...active].sort((x, y) => x - y);
  const two = active.size === 2;
  const byKey = new Map<string, ProfileCount & { units: number }>();
  for (const row of values) {
    const given = row.filter((v): v is RatingValue => v !== null);
    if (!given.length) continue;
    const pair = two ? ([row[a] ?? null, row[b] ?? null] as const) : undefined;
    const key = JSON.stringify([[...given].map(String).sort(), pair]);
    const found = byKey.get(key);
    if (found) found.units++;
    else byKey.set(key, { values: given, pair, units: 1 });
  }
  return { profiles: [...byKey.values()], raters: active.size };
}

const estimates = (d: PreparedData) =>
  [planKrippendorffAlpha(d, "ordinal"), planKrippendorffAlpha(d, "interval"), planFleissKappa(d), planGwetAc(d), planGwetAc(d, "quadratic"), planPercentAgreement(d), planCohenKappa(d, "quadratic")].map((e) => e(d.multiplicity).value);

describe("prepareFromProfiles", () => {
  it.each([
    [2, 2, 1], // two raters: Cohen's kappa needs who said what
    [3, 3, 2],
    [20, 2, 3], // many raters, two per unit (the results page's usual shape)
  ])("gives the matrix's coefficients and basis (%i raters, %i per unit)", (raters, perUnit, seed) => {
    const values = randomUnits(seed, 500, raters, perUnit);
    const categories = [1, 2, 3, 4, 5];
    const fromMatrix = prepareReliabilityData({ values, categories });
    const { profiles, raters: active } = profilesOf(values);
    const fromProfiles = prepareFromProfiles({ profiles, raters: active, categories });
    expect(profiles.length).toBeLessThan(values.length); // really grouped
    const units = values.filter((row) => row.some((v) => v !== null)).length;
    expect(fromProfiles.basis).toEqual({ ...fromMatrix.basis, units });
    estimates(fromProfiles).forEach((v, i) => {
      const expected = estimates(fromMatrix)[i];
      if (expected === null) expect(v).toBeNull();
      else expect(v).toBeCloseTo(expected, 12);
    });
  });

  it("refuses a profile without its pair when there are two raters, and unknown categories", () => {
    expect(() => prepareFromProfiles({ profiles: [{ values: [1, 2], units: 1 }], raters: 2 })).toThrow(/pair/);
    expect(() => prepareFromProfiles({ profiles: [{ values: [1, 7], units: 1 }], raters: 3, categories: [1, 2] })).toThrow(/not one of the categories/);
    expect(() => prepareFromProfiles({ profiles: [{ values: [1], units: 0 }], raters: 3 })).toThrow(/positive whole number/);
  });
});
