import { describe, expect, it } from "vitest";
import { seededRng } from "@/lib/random/seeded-rng";
import { computeAxisAgreement } from "@/lib/stats/axis-agreement";
import type { RatingValue } from "@/lib/stats/reliability-data";
import { summarizeAgreement, type AgreementRow } from "./agreement-results";
import type { ResultAxis } from "./axis-results";

// The collector groups ratings into value profiles as they arrive; here the same rows are turned
// into a units × raters matrix by hand (first occasion per rater and unit for inter-rater data, the
// first two occasions for intra-rater data) and every coefficient must come out the same.

const scale: ResultAxis = { key: "q", label: "Quality", type: "SCALE", appliesTo: "RESPONSE", options: [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: String(v) })), multiSelect: false, bestValue: "5" };

function randomRows(seed: number, units: number, raters: number): AgreementRow[] {
  const rng = seededRng(seed);
  const rows: AgreementRow[] = [];
  for (let u = 0; u < units; u++) {
    const truth = 1 + Math.floor(rng() * 5);
    for (let k = 0; k < 3; k++) {
      const rater = `r${Math.floor(rng() * raters)}`; // sometimes the same rater twice: a repeat
      rows.push({ axis: "q", unit: `u${u}`, rater, value: rng() < 0.05 ? "na" : rng() < 0.3 ? 1 + Math.floor(rng() * 5) : truth });
    }
  }
  return rows;
}

function byHand(rows: AgreementRow[]) {
  const units = new Map<string, Map<string, RatingValue[]>>();
  for (const r of rows) {
    const unit = units.get(r.unit) ?? units.set(r.unit, new Map()).get(r.unit)!;
    unit.set(r.rater, [...(unit.get(r.rater) ?? []), r.value]);
  }
  const raters = [...new Set(rows.map((r) => r.rater))];
  const inter = [...units.values()].map((unit) => raters.map((r) => unit.get(r)?.[0] ?? null));
  const intra = [...units.values()].flatMap((unit) => [...unit.values()].filter((v) => v.length >= 2).map((v) => [v[0], v[1]]));
  return { inter, intra };
}

describe("agreement from collected profiles", () => {
  it.each([[2, 1], [3, 2], [12, 3]])("equals the matrix built by hand, inter and intra (%i raters)", (raters, seed) => {
    const rows = randomRows(seed, 400, raters);
    const [result] = summarizeAgreement([scale], rows, { resamples: 0 });
    const { inter, intra } = byHand(rows);
    const categories = [1, 2, 3, 4, 5];
    const expectedInter = computeAxisAgreement({ type: "scale" }, { values: inter, categories }, { resamples: 0 });
    const expectedIntra = computeAxisAgreement({ type: "scale" }, { values: intra, categories }, { resamples: 0 });
    expect(intra.length).toBeGreaterThan(5);
    for (const [got, expected] of [[result.inter!, expectedInter], [result.intra!, expectedIntra]] as const) {
      expect(got.basis).toEqual(expected.basis);
      expect(got.coefficients.map((c) => c.key)).toEqual(expected.coefficients.map((c) => c.key));
      got.coefficients.forEach((c, i) => {
        if (expected.coefficients[i].value === null) expect(c.value).toBeNull();
        else expect(c.value).toBeCloseTo(expected.coefficients[i].value!, 12);
      });
    }
  });
});
