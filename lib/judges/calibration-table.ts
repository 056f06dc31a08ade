import type { JudgeCalibration } from "./calibration";

// Judge calibration as rows of the CLI's `results` table (tab-separated, one row per judge and target).

const f = (x: number | null | undefined) => (x === null || x === undefined ? "undefined" : x.toFixed(3));
const withInterval = (value: number | null, interval: { low: number; high: number } | null | undefined) => `${f(value)}${interval ? ` [${f(interval.low)}, ${f(interval.high)}]` : ""}`;

export function judgeTableRows(calibration: JudgeCalibration | null): string[][] {
  return (calibration?.targets ?? []).map((t) => [
    "judge",
    t.judge,
    t.target,
    `units ${t.units}`,
    `pairs ${t.pairs}`,
    ...t.kappa.map((k) => `kappa${k.weighting === "unweighted" ? "" : `_${k.weighting}`} ${withInterval(k.value, k.interval)}`),
    `alpha physicians ${withInterval(t.alphaPhysicians?.value ?? null, t.alphaPhysicians?.interval)}`,
    `alpha with judge ${withInterval(t.alphaWithJudge?.value ?? null, t.alphaWithJudge?.interval)}`,
    ...(t.bias ? [`bias ${withInterval(t.bias.mean, t.bias.low !== null && t.bias.high !== null ? { low: t.bias.low, high: t.bias.high } : null)}`] : []),
  ]);
}
