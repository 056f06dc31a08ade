import { writeDelimitedRows } from "@/lib/export/csv-cell";
import type { Proportion } from "./intervals";
import type { RubricResults } from "./load-results";

// The results page's tables as one CSV (issue 9: "every chart has its table and a CSV download"):
// a row per figure, long format, so R and pandas read it without reshaping. Agreement rows give the
// coefficient in `figure`, the level of measurement in `value`, pairable units in `count` and all
// units in `n`.

export const RESULTS_CSV_HEADER = ["section", "axis", "model", "versus", "figure", "value", "label", "count", "n", "estimate", "ci_low", "ci_high"];

const num = (x: number | null | undefined) => (x === null || x === undefined ? "" : String(Math.round(x * 1e6) / 1e6));
const share = (p: Proportion) => [String(p.count), String(p.n), num(p.share), num(p.low), num(p.high)];

/** `extra`: further rows in the same columns (judge calibration, lib/judges/calibration-rows.ts). */
export function resultsCsv(results: RubricResults, extra: string[][] = []): string {
  const rows: string[][] = [RESULTS_CSV_HEADER];
  for (const { axis, models } of results.axes) {
    for (const m of models) {
      const model = m.model ?? "(item)";
      for (const bin of m.bins) rows.push(["axis", axis.key, model, "", "share", bin.value, bin.label, ...share(bin.share)]);
      if (m.best) rows.push(["axis", axis.key, model, "", "best_bin", axis.bestValue ?? "", "", ...share(m.best)]);
      rows.push(["axis", axis.key, model, "", "not_applicable", "na", "Cannot rate / N/A", ...share(m.notApplicable)]);
      if (m.mean) rows.push(["axis", axis.key, model, "", "mean", "", "", "", String(m.mean.n), num(m.mean.mean), num(m.mean.low), num(m.mean.high)]);
    }
  }
  for (const p of results.pairs) {
    rows.push(["pairwise", p.axis, p.first, p.second, "win", "", `${p.first} better`, ...share(p.firstWins)]);
    rows.push(["pairwise", p.axis, p.first, p.second, "tie", "", "tie", ...share(p.ties)]);
    rows.push(["pairwise", p.axis, p.first, p.second, "loss", "", `${p.second} better`, ...share(p.secondWins)]);
  }
  // Leaderboard: θ (ln Bradley–Terry strength, centred) with its bootstrap interval; `value` the rank,
  // `count` the model's comparisons, `n` the annotations behind the board; axis "(all)" pools the axes.
  for (const board of results.leaderboards) {
    for (const r of board.rows) {
      rows.push(["leaderboard", board.axis ?? "(all)", r.model, "", "bradley_terry_theta", String(r.rank), `${r.wins} wins, ${r.ties} ties, ${r.losses} losses`, String(r.wins + r.ties + r.losses), String(board.annotations), num(r.theta), num(r.low), num(r.high)]);
      // Best–worst counting score: `count` times shown, `value` best − worst counts, estimate the score.
      if (r.bestWorst) rows.push(["leaderboard", board.axis ?? "(all)", r.model, "", "best_minus_worst", String(r.bestWorst.best - r.bestWorst.worst), `${r.bestWorst.best} best, ${r.bestWorst.worst} worst`, String(r.bestWorst.shown), String(board.annotations), num(r.bestWorst.score), "", ""]);
    }
  }
  // Kendall's W per ranking axis: `count` / `n` the items it is defined for, `estimate` the mean over them, `value` the median.
  for (const c of results.concordance) {
    if (c.units) rows.push(["agreement", c.axis, "", "", "kendall_w", num(c.medianW), "Kendall's W with tie correction (estimate: mean over items; value: median)", String(c.units), String(c.units), num(c.meanW), "", ""]);
  }
  for (const a of results.agreement) {
    for (const [section, agreement] of [["agreement", a.inter], ["intra_rater_agreement", a.intra]] as const) {
      for (const c of agreement?.coefficients ?? []) {
        rows.push([section, a.axis, "", "", c.key, agreement!.level, c.label, String(agreement!.basis.pairableUnits), String(agreement!.basis.units), num(c.value), num(c.interval?.low), num(c.interval?.high)]);
      }
    }
  }
  rows.push(...extra);
  return writeDelimitedRows(rows);
}
