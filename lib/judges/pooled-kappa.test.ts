import { describe, expect, it } from "vitest";
import { computeAxisAgreement } from "@/lib/stats/axis-agreement";
import { reliabilityDataFromRatings } from "@/lib/stats/from-ratings";
import { seededRng } from "@/lib/random/seeded-rng";
import { pooledKappa } from "./pooled-kappa";

describe("pooledKappa", () => {
  it("with one physician per unit is lib/stats' two-rater Cohen's kappa (unweighted, linear, quadratic)", () => {
    const rng = seededRng(11);
    const units = Array.from({ length: 40 }, () => {
      const judge = 1 + Math.floor(rng() * 4);
      return { judge, physicians: [rng() < 0.6 ? judge : 1 + Math.floor(rng() * 4)] };
    });
    const ratings = units.flatMap((u, i) => [{ unit: `${i}`, rater: "judge", value: u.judge }, { unit: `${i}`, rater: "physician", value: u.physicians[0] }]);
    const reference = computeAxisAgreement({ type: "scale" }, reliabilityDataFromRatings(ratings, { categories: [1, 2, 3, 4] }), { resamples: 0 });
    const pooled = pooledKappa(units, [1, 2, 3, 4], ["unweighted", "linear", "quadratic"], { resamples: 0 });
    const ref = (key: string) => reference.coefficients.find((c) => c.key === key)!.value;
    expect(pooled.map((k) => k.value)).toEqual([ref("cohen_kappa"), ref("cohen_kappa_linear"), ref("cohen_kappa_quadratic")]);
    expect(pooled.every((k) => k.interval === null)).toBe(true);
  });

  it("resamples whole units: three identical physicians give the same interval as one, not a narrower one", () => {
    const rng = seededRng(5);
    const one = Array.from({ length: 30 }, () => {
      const judge = rng() < 0.5;
      return { judge, physicians: [rng() < 0.7 ? judge : !judge] };
    });
    const three = one.map((u) => ({ judge: u.judge, physicians: [u.physicians[0], u.physicians[0], u.physicians[0]] }));
    const [a] = pooledKappa(one, [true, false], ["unweighted"], { resamples: 500, seed: 3 });
    const [b] = pooledKappa(three, [true, false], ["unweighted"], { resamples: 500, seed: 3 });
    expect(b.value).toBeCloseTo(a.value!, 12);
    expect(b.interval!.low).toBeCloseTo(a.interval!.low, 12);
    expect(b.interval!.high).toBeCloseTo(a.interval!.high, 12);
    expect(b.interval!.method).toBe("percentile cluster bootstrap over units");
  });
});
