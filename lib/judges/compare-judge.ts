import { computeAxisAgreement, type AxisCoefficient, type AxisDescription, type MeasurementLevel } from "@/lib/stats/axis-agreement";
import type { BootstrapOptions } from "@/lib/stats/bootstrap";
import { reliabilityDataFromRatings, type Rating } from "@/lib/stats/from-ratings";
import type { RatingValue } from "@/lib/stats/reliability-data";
import { meanInterval, type MeanInterval } from "@/lib/results/intervals";
import { pooledKappa, type PooledKappa, type Weighting } from "./pooled-kappa";

// One judge against the physicians on one target (a rubric axis, or a group of case criteria), pure
// (decision 015). A unit is what one value is about: a response on an axis, a (response, criterion)
// pair for criteria. Compared units have the judge's value and at least one physician's; "N/A"
// values are left out on both sides. Reported: pooled Cohen's kappa judge vs each physician
// (pooled-kappa.ts), Krippendorff's alpha of the physicians alone (the ceiling) and with the judge
// as one more rater, on the same units; the judge × physician confusion matrix over those pairs;
// the judge's bias (judge − the physicians' mean per unit; a 95 % t interval over units) where the
// values are numbers (scales; yes/no and met/not met as 1/0); and the units of largest disagreement.

export const MAX_DISAGREEMENTS = 20;

export type TargetSpec = {
  /** Axis key, or "criteria" / "criteria axis:accuracy" for a group of case criteria. */
  key: string;
  kind: "axis" | "criteria";
  label: string;
  type: AxisDescription["type"];
  /** In scale order; the confusion matrix and kappa use them. */
  categories: Array<{ value: RatingValue; label: string }>;
};

export type UnitInfo = { itemId: string; externalId: string; model: string; criterion: number | null };

export type Disagreement = UnitInfo & { judge: RatingValue; physicians: RatingValue[]; /** |judge − physicians' mean|, or the share of physicians who differ (choices). */ gap: number; rationale: string | null };

export type JudgeTargetCalibration = {
  judge: string;
  target: string;
  kind: TargetSpec["kind"];
  label: string;
  level: MeasurementLevel;
  /** The judge's values on this target (under the item filters), and those compared with a physician. */
  judgeValues: number;
  units: number;
  /** Judge–physician pairs (a unit rated by three physicians gives three). */
  pairs: number;
  physicians: number;
  kappa: PooledKappa[];
  alphaPhysicians: AxisCoefficient | null;
  alphaWithJudge: AxisCoefficient | null;
  /** Unit counts behind each alpha: pairable units (≥ 2 values) of the compared units. */
  alphaBasis: { physicians: number; withJudge: number };
  confusion: { categories: Array<{ value: string; label: string }>; /** counts[judge][physician] */ counts: number[][] };
  bias: MeanInterval | null;
  disagreements: Disagreement[];
};

const asNumber = (v: RatingValue): number | null => (typeof v === "boolean" ? (v ? 1 : 0) : typeof v === "number" ? v : null);
const isNa = (v: RatingValue) => v === "na";

function alphaOf(spec: TargetSpec, ratings: Rating[], options: BootstrapOptions): { coefficient: AxisCoefficient | null; pairable: number } {
  if (!ratings.length) return { coefficient: null, pairable: 0 };
  const agreement = computeAxisAgreement({ type: spec.type }, reliabilityDataFromRatings(ratings, { categories: spec.categories.map((c) => c.value) }), options);
  return { coefficient: agreement.coefficients.find((c) => c.key === "krippendorff_alpha") ?? null, pairable: agreement.basis.pairableUnits };
}

export function compareJudge(
  judge: string,
  spec: TargetSpec,
  judgeValues: ReadonlyMap<string, { value: RatingValue; rationale: string | null }>,
  physicianValues: ReadonlyMap<string, ReadonlyMap<string, RatingValue>> | undefined,
  info: ReadonlyMap<string, UnitInfo>,
  options: BootstrapOptions = {},
): JudgeTargetCalibration {
  const level: MeasurementLevel = spec.type === "scale" ? "ordinal" : "nominal";
  const index = new Map(spec.categories.map((c, i) => [c.value, i]));
  const q = spec.categories.length;
  const counts = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  const compared: Array<{ unit: string; judge: RatingValue; physicians: Array<[string, RatingValue]> }> = [];
  const raters = new Set<string>();
  for (const [unit, { value }] of judgeValues) {
    if (isNa(value) || !index.has(value)) continue;
    const physicians = [...(physicianValues?.get(unit) ?? new Map<string, RatingValue>())].filter(([, v]) => !isNa(v) && index.has(v));
    if (!physicians.length) continue;
    compared.push({ unit, judge: value, physicians });
    for (const [rater, v] of physicians) {
      raters.add(rater);
      counts[index.get(value)!][index.get(v)!] += 1;
    }
  }
  const categories = spec.categories.map((c) => c.value);
  const weightings: Weighting[] = level === "ordinal" ? ["unweighted", "linear", "quadratic"] : ["unweighted"];
  const kappa = compared.length ? pooledKappa(compared.map((u) => ({ judge: u.judge, physicians: u.physicians.map(([, v]) => v) })), categories, weightings, options) : [];
  const physicianRatings = compared.flatMap((u) => u.physicians.map(([rater, value]) => ({ unit: u.unit, rater, value })));
  // The judge's name cannot clash with a physician's id: ids are cuids, and the prefix keeps it apart anyway.
  const withJudge = [...physicianRatings, ...compared.map((u) => ({ unit: u.unit, rater: `judge:${judge}`, value: u.judge }))];
  const ceiling = alphaOf(spec, physicianRatings, options);
  const joint = alphaOf(spec, withJudge, options);

  const numeric = spec.type !== "choice";
  const gaps = compared.map((u) => {
    if (numeric) {
      const mean = u.physicians.reduce((s, [, v]) => s + asNumber(v)!, 0) / u.physicians.length;
      return { u, diff: asNumber(u.judge)! - mean, gap: Math.abs(asNumber(u.judge)! - mean) };
    }
    return { u, diff: 0, gap: u.physicians.filter(([, v]) => v !== u.judge).length / u.physicians.length };
  });
  const disagreements = gaps
    .filter((g) => g.gap > 0)
    .map((g) => ({ ...info.get(g.u.unit)!, judge: g.u.judge, physicians: g.u.physicians.map(([, v]) => v), gap: g.gap, rationale: judgeValues.get(g.u.unit)?.rationale ?? null }))
    .sort((a, b) => b.gap - a.gap || a.externalId.localeCompare(b.externalId) || a.model.localeCompare(b.model) || (a.criterion ?? 0) - (b.criterion ?? 0))
    .slice(0, MAX_DISAGREEMENTS);

  return {
    judge,
    target: spec.key,
    kind: spec.kind,
    label: spec.label,
    level,
    judgeValues: judgeValues.size,
    units: compared.length,
    pairs: physicianRatings.length,
    physicians: raters.size,
    kappa,
    alphaPhysicians: ceiling.coefficient,
    alphaWithJudge: joint.coefficient,
    alphaBasis: { physicians: ceiling.pairable, withJudge: joint.pairable },
    confusion: { categories: spec.categories.map((c) => ({ value: String(c.value), label: c.label })), counts },
    bias: numeric && compared.length ? meanInterval(gaps.map((g) => g.diff)) : null,
    disagreements,
  };
}
