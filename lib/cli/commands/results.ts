import { writeDelimitedRows } from "@/lib/export/csv-cell";
import { loadRubricResults } from "@/lib/results/load-results";
import { resolveResultsQuery } from "@/lib/results/resolve-results-query";
import { resultsCsv } from "@/lib/results/results-csv";
import { percentWithInterval } from "@/lib/results/format";
import { loadJudgeCalibration } from "@/lib/judges/calibration";
import { judgeCalibrationRows } from "@/lib/judges/calibration-rows";
import { judgeTableRows } from "@/lib/judges/calibration-table";
import { loadVariantComparisons, variantCsvRows } from "@/lib/results/variant-pairs";
import { autoGradeCsvRows, loadAutoGrades } from "@/lib/results/auto-grades";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium results PROJECT_SLUG [--format table|csv|json] [--batch NAME] [--kind KIND] [--specialty S]
                          [--language L] [--reviewer R-…] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                          [--gold exclude|include|only] [--arm unassisted|assisted]
                          [--basis reviews|consensus] [--segment FIELD:VALUE] --as EMAIL

The results page's figures: per rubric axis and model the share of each answer, the best bin, the
mean of scales and the N/A rate (95 % Wilson / t intervals), and pairwise better / tie / worse per
model pair after polarity; agreement per axis (Krippendorff's alpha, Cohen's and Fleiss' kappa,
Gwet's AC1/AC2, percent agreement, bootstrap 95 % intervals; intra-rater where reviewers rated a
unit again; study arms are two conditions, never a repeat, and --arm keeps one); LLM-judge calibration when judge results were imported (import-judge). Gold items are
excluded unless --gold says otherwise; --basis consensus computes the rubric and pairwise figures on
each item's decided consensus (adjudication) instead of every review. --segment keeps one value of
an analysis field (group:women, prompt:persona-nurse, costUsd:0.01..0.05, afterCutoff:yes). Items
imported with variantOf are compared with their originals per model (McNemar's test). --format csv is
the page's CSV download (one row per figure); json has everything.`;

const FILTERS = ["batch", "kind", "specialty", "language", "reviewer", "from", "to", "gold", "arm", "basis", "segment"] as const;

export const resultsCommand: Command = {
  name: "results",
  summary: "per-axis and pairwise results per model, with filters",
  usage,
  options: { format: { type: "string" }, ...Object.fromEntries(FILTERS.map((f) => [f, { type: "string" as const }])) },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "project:read");
    const format = (values.format as string | undefined) ?? "table";
    if (!["table", "csv", "json"].includes(format)) throw new UsageError(`--format must be table, csv or json.\n\n${usage}`);
    const query = Object.fromEntries(FILTERS.flatMap((f) => (typeof values[f] === "string" ? [[f, values[f] as string]] : [])));
    const { project, filter } = await resolveResultsQuery(actor, slug, query);
    const [results, judges, variants, autoGrades] = await Promise.all([loadRubricResults(actor, project.id, filter), loadJudgeCalibration(actor, project.id, filter), loadVariantComparisons(actor, project.id, filter), loadAutoGrades(actor, project.id, filter)]);
    if (format === "json") return io.out(JSON.stringify({ filter, ...results, judges, autoGrades, variants }));
    if (format === "csv") return io.out(resultsCsv(results, [...autoGradeCsvRows(autoGrades), ...variantCsvRows(variants), ...judgeCalibrationRows(judges)]).trimEnd());
    const rows: string[][] = [["basis", `${results.annotations} annotations`, `${results.items} items`, `${results.reviewers} reviewers`, `gold ${filter.gold}`, `on ${filter.basis}`]];
    for (const { axis, models } of results.axes) {
      for (const m of models) {
        rows.push([axis.key, m.model ?? "(item)", `ratings ${m.ratings}`, ...(m.best ? [`best bin ${percentWithInterval(m.best)}`] : []), ...(m.mean?.mean != null ? [`mean ${m.mean.mean.toFixed(2)}`] : []), `N/A ${percentWithInterval(m.notApplicable)}`]);
      }
    }
    for (const p of results.pairs) rows.push([p.axis, `${p.first} vs ${p.second}`, `n ${p.judgments}`, `better ${percentWithInterval(p.firstWins)}`, `tie ${percentWithInterval(p.ties)}`, `worse ${percentWithInterval(p.secondWins)}`]);
    for (const board of results.leaderboards) {
      for (const r of board.rows) {
        const theta = `θ ${r.theta.toFixed(3)}${r.low !== null && r.high !== null ? ` [${r.low.toFixed(3)}, ${r.high.toFixed(3)}]` : ""}`;
        rows.push(["leaderboard", board.axis ?? "(all)", `#${r.rank} ${r.model}`, theta, `won ${r.wins} tied ${r.ties} lost ${r.losses}`]);
      }
    }
    for (const c of results.concordance) {
      if (c.units) rows.push(["agreement", c.axis, "kendall_w", `mean ${c.meanW!.toFixed(3)}`, `median ${c.medianW!.toFixed(3)}`, `items ${c.units}`]);
    }
    for (const a of results.agreement) {
      for (const [kind, agreement] of [["agreement", a.inter], ["intra-rater", a.intra]] as const) {
        if (!agreement) continue;
        const figures = agreement.coefficients.map((c) => `${c.key} ${c.value === null ? "undefined" : c.value.toFixed(3)}${c.interval ? ` [${c.interval.low.toFixed(3)}, ${c.interval.high.toFixed(3)}]` : ""}`);
        rows.push([kind, a.axis, agreement.level, `pairable units ${agreement.basis.pairableUnits}/${agreement.basis.units}`, `raters ${agreement.basis.raters}`, ...figures]);
      }
    }
    for (const g of autoGrades) rows.push(["auto-graded", g.model, `answers ${g.correct.n}`, `correct ${percentWithInterval(g.correct)}`]);
    for (const v of variants) {
      rows.push(["variants", v.outcome, v.model, `${v.variant} vs original`, `pairs ${v.pairs}`, `original ${(v.originalRate * 100).toFixed(1)} %`, `variant ${(v.variantRate * 100).toFixed(1)} %`, `McNemar b ${v.b} c ${v.c} p ${v.pValue.toPrecision(3)} (${v.method})`]);
    }
    rows.push(...judgeTableRows(judges));
    io.out(writeDelimitedRows(rows, "\t").trimEnd());
  },
};
