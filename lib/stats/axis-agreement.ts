import { bootstrapIntervals, type BootstrapOptions, type ConfidenceInterval } from "./bootstrap";
import { planCohenKappa } from "./cohen-kappa";
import { planFleissKappa } from "./fleiss-kappa";
import { planGwetAc } from "./gwet-ac";
import { planKrippendorffAlpha } from "./krippendorff-alpha";
import { planPercentAgreement } from "./percent-agreement";
import { prepareReliabilityData, type AgreementBasis, type Estimator, type PreparedData, type ReliabilityData } from "./reliability-data";

// Every coefficient that applies to one rubric axis, with bootstrap 95 % intervals, in one call
// (issue 9 "Agreement"; decision 014). The level of measurement follows the axis type: choices and
// yes/no are nominal, scales ordinal, unless the rubric declares a scale interval (or ratio), or an
// ordered choice ordinal. Cohen's kappa only when exactly two raters rated the axis; weighted kappas
// and AC2 only for ordinal data, where their weights have a meaning.

export type MeasurementLevel = "nominal" | "ordinal" | "interval" | "ratio";
export type AxisDescription = {
  type: "choice" | "boolean" | "scale";
  /** Overrides the level the type implies (e.g. "interval" for a scale whose steps are equal). */
  level?: MeasurementLevel;
};

export type CoefficientKey =
  | "krippendorff_alpha"
  | "cohen_kappa"
  | "cohen_kappa_linear"
  | "cohen_kappa_quadratic"
  | "fleiss_kappa"
  | "gwet_ac1"
  | "gwet_ac2_linear"
  | "gwet_ac2_quadratic"
  | "percent_agreement";

export type AxisCoefficient = {
  key: CoefficientKey;
  label: string;
  value: number | null;
  /** Why the value is null (e.g. only one category was used). */
  reason: string | null;
  interval: ConfidenceInterval | null;
  citation: string;
};

export type AxisAgreement = { level: MeasurementLevel; basis: AgreementBasis; coefficients: AxisCoefficient[] };

export function levelOfAxis(axis: AxisDescription): MeasurementLevel {
  if (axis.level) return axis.level;
  return axis.type === "scale" ? "ordinal" : "nominal";
}

type Spec = { key: CoefficientKey; label: string; citation: string; plan: (data: PreparedData) => Estimator };

const ALPHA_CITATION = "Krippendorff K. Computing Krippendorff's Alpha-Reliability. 2011";
const COHEN_CITATION = "Cohen J. Educ Psychol Meas 1960;20:37–46; weighted: Cohen J. Psychol Bull 1968;70:213–220";
const GWET_CITATION = "Gwet K.L. Br J Math Stat Psychol 2008;61:29–48; Handbook of Inter-Rater Reliability, 4th ed., 2014";

function specsFor(level: MeasurementLevel, twoRaters: boolean): Spec[] {
  const isOrdinal = level === "ordinal";
  const specs: Spec[] = [
    { key: "krippendorff_alpha", label: `Krippendorff's alpha (${level})`, citation: ALPHA_CITATION, plan: (d) => planKrippendorffAlpha(d, level) },
  ];
  if (twoRaters) {
    specs.push({ key: "cohen_kappa", label: "Cohen's kappa", citation: COHEN_CITATION, plan: (d) => planCohenKappa(d) });
    if (isOrdinal) {
      specs.push(
        { key: "cohen_kappa_linear", label: "Cohen's kappa, linear weights", citation: COHEN_CITATION, plan: (d) => planCohenKappa(d, "linear") },
        { key: "cohen_kappa_quadratic", label: "Cohen's kappa, quadratic weights", citation: COHEN_CITATION, plan: (d) => planCohenKappa(d, "quadratic") },
      );
    }
  }
  specs.push(
    { key: "fleiss_kappa", label: "Fleiss' kappa", citation: "Fleiss J.L. Psychol Bull 1971;76:378–382; missing ratings: Gwet 2014", plan: planFleissKappa },
    { key: "gwet_ac1", label: "Gwet's AC1", citation: GWET_CITATION, plan: (d) => planGwetAc(d) },
  );
  if (isOrdinal) {
    specs.push(
      { key: "gwet_ac2_linear", label: "Gwet's AC2, linear weights", citation: GWET_CITATION, plan: (d) => planGwetAc(d, "linear") },
      { key: "gwet_ac2_quadratic", label: "Gwet's AC2, quadratic weights", citation: GWET_CITATION, plan: (d) => planGwetAc(d, "quadratic") },
    );
  }
  specs.push({ key: "percent_agreement", label: "Percent agreement (pairwise)", citation: "Fleiss 1971 (P̄); Gwet 2014 (p_a)", plan: planPercentAgreement });
  return specs;
}

/**
 * Agreement on one axis: every applicable coefficient, its bootstrap interval (resampling units;
 * pass `resamples: 0` to skip), and the units, raters and values behind them.
 */
export function computeAxisAgreement(axis: AxisDescription, data: ReliabilityData, options: BootstrapOptions = {}): AxisAgreement {
  return agreementOfPrepared(axis, prepareReliabilityData(data), options);
}

/** The same from data already prepared (e.g. by prepareFromProfiles). */
export function agreementOfPrepared(axis: AxisDescription, prepared: PreparedData, options: BootstrapOptions = {}): AxisAgreement {
  const level = levelOfAxis(axis);
  const specs = specsFor(level, prepared.basis.raters === 2);
  const estimators = specs.map((s) => s.plan(prepared));
  const points = estimators.map((estimate) => estimate(prepared.multiplicity));
  const intervals = options.resamples === 0 ? specs.map(() => null) : bootstrapIntervals(prepared, estimators, options);
  return {
    level,
    basis: prepared.basis,
    coefficients: specs.map((s, i) => ({
      key: s.key,
      label: s.label,
      value: points[i].value,
      reason: points[i].reason,
      // No interval around an undefined point estimate: resamples that happen to vary would mislead.
      interval: points[i].value === null ? null : intervals[i],
      citation: s.citation,
    })),
  };
}
