import { describe, expect, it } from "vitest";
import {
  abstractorsTable,
  cohen1968Table,
  cohen1968Weights,
  fleiss1971Counts,
  fromCounts,
  fromTable,
  krippendorff2011,
  wikipediaCohenTable,
  wikipediaFleissCounts,
} from "@/test/support/published-agreement-data";
import { computeCohenKappa } from "./cohen-kappa";
import { computeFleissKappa } from "./fleiss-kappa";
import { computeGwetAc } from "./gwet-ac";
import { computeKrippendorffAlpha } from "./krippendorff-alpha";
import { computePercentAgreement } from "./percent-agreement";

// Every coefficient against figures printed by its authors or in a standard reference. The data
// and where it was printed are in test/support/published-agreement-data.ts. `toBeCloseTo(x, d)`
// checks to the d decimals the source prints.

describe("Krippendorff's alpha — Krippendorff 2011, 'Computing Krippendorff's Alpha-Reliability', § C and § E", () => {
  // 4 observers × 12 units with missing values; the paper prints α = 0.743 (nominal), 0.815
  // (ordinal), 0.849 (interval), 0.797 (ratio). Gwet's irrCAC prints 0.74342 (nominal) and, with
  // quadratic weights (= interval), 0.84911 on the same data (kgwet/irrCAC README and weighting vignette).
  const data = { values: krippendorff2011 };
  it("§ A, binary data, two observers, ten units: α = 0.095", () => {
    // Data as remembered from the paper's § A; that it gives the printed, distinctive 0.095 confirms the transcription.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(computeKrippendorffAlpha({ values: a.map((x, i) => [x, b[i]]) }).value).toBeCloseTo(0.095, 3);
  });
  it("nominal 0.743 (irrCAC: 0.74342)", () => {
    expect(computeKrippendorffAlpha(data, "nominal").value).toBeCloseTo(0.74342, 5);
  });
  it("ordinal 0.815", () => expect(computeKrippendorffAlpha(data, "ordinal").value).toBeCloseTo(0.815, 3));
  it("interval 0.849 (irrCAC quadratic: 0.84911)", () => expect(computeKrippendorffAlpha(data, "interval").value).toBeCloseTo(0.84911, 5));
  it("ratio 0.797", () => expect(computeKrippendorffAlpha(data, "ratio").value).toBeCloseTo(0.797, 3));
  it("counts what stands behind it: 11 pairable units with 40 values, unit 12's single value ignored", () => {
    expect(computeKrippendorffAlpha(data).basis).toEqual({
      units: 12, raters: 4, values: 41, notApplicable: 0, pairableUnits: 11, pairableValues: 40, unpairableUnits: 1, categories: 5,
    });
  });
  it("Fleiss 1971's first 15 patients (irrCAC distrib.6raters): α = 0.4204384", () => {
    expect(computeKrippendorffAlpha({ values: fromCounts(fleiss1971Counts.slice(0, 15)) }).value).toBeCloseTo(0.4204384, 7);
  });
  it("two raters, irrCAC cont3x3abstractors: α = 0.7972585", () => {
    expect(computeKrippendorffAlpha({ values: fromTable(abstractorsTable) }).value).toBeCloseTo(0.7972585, 7);
  });
});

describe("Fleiss' kappa", () => {
  it("Fleiss 1971, Table 1 (30 patients × 6 psychiatrists × 5 diagnoses): κ = 0.430", () => {
    expect(computeFleissKappa({ values: fromCounts(fleiss1971Counts) }).value).toBeCloseTo(0.43, 3);
  });
  it("Wikipedia 'Fleiss' kappa' worked example (10 × 14 raters): κ = 0.210", () => {
    expect(computeFleissKappa({ values: fromCounts(wikipediaFleissCounts) }).value).toBeCloseTo(0.21, 3);
  });
  it("irrCAC distrib.6raters (Fleiss 1971, first 15 patients): κ = 0.4139265", () => {
    expect(computeFleissKappa({ values: fromCounts(fleiss1971Counts.slice(0, 15)) }).value).toBeCloseTo(0.4139265, 7);
  });
  it("missing ratings, Gwet's generalization (irrCAC fleiss.kappa.raw on Krippendorff's data): κ = 0.76117", () => {
    expect(computeFleissKappa({ values: krippendorff2011 }).value).toBeCloseTo(0.76117, 5);
  });
});

describe("Cohen's kappa", () => {
  it("Wikipedia 'Cohen's kappa' (50 proposals, yes/no): κ = 0.4", () => {
    expect(computeCohenKappa({ values: fromTable(wikipediaCohenTable) }).value).toBeCloseTo(0.4, 12);
  });
  it("Cohen 1968's example: unweighted κ = 0.492, weighted with his disagreement weights κ_w = 0.348", () => {
    const data = { values: fromTable(cohen1968Table) };
    expect(computeCohenKappa(data).value).toBeCloseTo(0.492, 3);
    expect(computeCohenKappa(data, { disagreement: cohen1968Weights }).value).toBeCloseTo(0.348, 3);
  });
  it("irrCAC cont3x3abstractors: κ = 0.7964094, quadratic κ_w = 0.8921569", () => {
    const data = { values: fromTable(abstractorsTable) };
    expect(computeCohenKappa(data).value).toBeCloseTo(0.7964094, 7);
    expect(computeCohenKappa(data, "quadratic").value).toBeCloseTo(0.8921569, 7);
  });
  it("linear and quadratic weights: scikit-learn's test_cohen_kappa figures 0.9315 / 0.9412 / 0.9541", () => {
    // y1 = 46×0, 44×1, 10×2; y2 = 50×0, 40×1, 10×2, paired in order (sklearn/metrics/tests/test_classification.py).
    const y1 = [...Array(46).fill(0), ...Array(44).fill(1), ...Array(10).fill(2)];
    const y2 = [...Array(50).fill(0), ...Array(40).fill(1), ...Array(10).fill(2)];
    const data = { values: y1.map((a, i) => [a, y2[i]]) };
    expect(computeCohenKappa(data).value).toBeCloseTo(0.9315, 4);
    expect(computeCohenKappa(data, "linear").value).toBeCloseTo(0.9412, 4);
    expect(computeCohenKappa(data, "quadratic").value).toBeCloseTo(0.9541, 4);
  });
});

describe("Gwet's AC1 / AC2 and percent agreement — Gwet's irrCAC (Gwet 2014's formulation)", () => {
  it("Krippendorff's data with missing ratings (cac.raw4raters): AC1 = 0.77544, quadratic AC2 = 0.914, p_a = 0.8181818", () => {
    const data = { values: krippendorff2011 };
    expect(computeGwetAc(data).value).toBeCloseTo(0.77544, 5);
    expect(computeGwetAc(data, "quadratic").value).toBeCloseTo(0.914, 3);
    expect(computePercentAgreement(data).value).toBeCloseTo(0.8181818, 7);
  });
  it("Fleiss 1971's first 15 patients (distrib.6raters): AC1 = 0.4448007, p_a = 0.5511111", () => {
    const data = { values: fromCounts(fleiss1971Counts.slice(0, 15)) };
    expect(computeGwetAc(data).value).toBeCloseTo(0.4448007, 7);
    expect(computePercentAgreement(data).value).toBeCloseTo(0.5511111, 7);
  });
  it("two raters (cont3x3abstractors): AC1 = 0.8493305, quadratic AC2 = 0.9402369, percent agreement 0.89", () => {
    const data = { values: fromTable(abstractorsTable) };
    expect(computeGwetAc(data).value).toBeCloseTo(0.8493305, 7);
    expect(computeGwetAc(data, "quadratic").value).toBeCloseTo(0.9402369, 7);
    expect(computePercentAgreement(data).value).toBeCloseTo(0.89, 12);
  });
});
