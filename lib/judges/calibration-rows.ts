import type { JudgeCalibration } from "./calibration";

// Judge calibration as rows of the results CSV (RESULTS_CSV_HEADER: section, axis, model, versus,
// figure, value, label, count, n, estimate, ci_low, ci_high), long format like the rest of it.
// `axis` is the target (an axis key, "criteria", or "criteria axis:<tag>"), `model` the judge.
//   judge_agreement: figure = cohen_kappa[_linear|_quadratic] (judge vs each physician, pooled;
//     count = judge–physician pairs, n = units), krippendorff_alpha_physicians (the ceiling) or
//     krippendorff_alpha_with_judge (count = pairable units, n = units); value = level of measurement.
//   judge_bias: figure = mean_difference (judge − physicians' mean per unit), count = n = units.
//   judge_confusion: figure = count, value = the judge's value, versus = the physician's value,
//     label = "<judge label> / <physician label>", count = pairs in that cell, n = all pairs.

const num = (x: number | null | undefined) => (x === null || x === undefined ? "" : String(Math.round(x * 1e6) / 1e6));
const KAPPA_FIGURE = { unweighted: "cohen_kappa", linear: "cohen_kappa_linear", quadratic: "cohen_kappa_quadratic" } as const;

export function judgeCalibrationRows(calibration: JudgeCalibration | null): string[][] {
  const rows: string[][] = [];
  for (const t of calibration?.targets ?? []) {
    for (const k of t.kappa) {
      rows.push(["judge_agreement", t.target, t.judge, "physicians", KAPPA_FIGURE[k.weighting], t.level, `Cohen's kappa (${k.weighting}), judge vs each physician`, String(t.pairs), String(t.units), num(k.value), num(k.interval?.low), num(k.interval?.high)]);
    }
    for (const [figure, alpha, pairable, label] of [
      ["krippendorff_alpha_physicians", t.alphaPhysicians, t.alphaBasis.physicians, "Krippendorff's alpha, physicians only (ceiling)"],
      ["krippendorff_alpha_with_judge", t.alphaWithJudge, t.alphaBasis.withJudge, "Krippendorff's alpha, judge as one more rater"],
    ] as const) {
      if (alpha) rows.push(["judge_agreement", t.target, t.judge, "", figure, t.level, label, String(pairable), String(t.units), num(alpha.value), num(alpha.interval?.low), num(alpha.interval?.high)]);
    }
    if (t.bias) rows.push(["judge_bias", t.target, t.judge, "physicians", "mean_difference", "", "judge − physicians' mean", String(t.bias.n), String(t.bias.n), num(t.bias.mean), num(t.bias.low), num(t.bias.high)]);
    const { categories, counts } = t.confusion;
    categories.forEach((j, a) =>
      categories.forEach((p, b) => rows.push(["judge_confusion", t.target, t.judge, p.value, "count", j.value, `${j.label} / ${p.label}`, String(counts[a][b]), String(t.pairs), "", "", ""])),
    );
  }
  return rows;
}
