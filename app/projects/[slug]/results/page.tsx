import type { Metadata } from "next";
import Link from "next/link";
import { AgreementTable } from "@/components/results/agreement-table";
import { AxisResultsTable } from "@/components/results/axis-results-table";
import { JudgeCalibrationSection } from "@/components/results/judge-calibration";
import { LeaderboardTables } from "@/components/results/leaderboard-table";
import { PairwiseResultsTable } from "@/components/results/pairwise-results-table";
import { ResultsFilters } from "@/components/results/results-filters";
import { ToolResults } from "@/components/results/tool-results";
import { loadProjectQuality } from "@/lib/criteria/project-quality";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { allows, NotFoundError } from "@/lib/auth/permissions";
import { requireProjectPage } from "@/lib/projects/page-access";
import { loadJudgeCalibration } from "@/lib/judges/calibration";
import { loadRubricResults } from "@/lib/results/load-results";
import { filterQuery, resultsFilterSchema, type ResultsFilter } from "@/lib/results/results-filter";
import { findBatchByName } from "@/lib/assignments/find-batch";

export const metadata: Metadata = { title: "Results" };

type Search = Record<string, string | string[] | undefined>;

/** Query parameters as the filter schema reads them; a bad value falls back to no filter, with the message shown. */
function readFilter(search: Search): { filter: ResultsFilter; problem: string | null } {
  const flat = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = resultsFilterSchema.safeParse(flat);
  if (parsed.success) return { filter: parsed.data, problem: null };
  return { filter: resultsFilterSchema.parse({}), problem: parsed.error.issues.map((i) => i.message).join(" ") };
}

/**
 * The project's rubric results for the study team (issue 9): per axis and model the distribution of
 * answers, the best bin, the mean of scales and the N/A rate, each with a 95 % interval; pairwise
 * win / tie / loss after polarity. Filters live in the address; every table is in the CSV download.
 */
export default async function ResultsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const { actor, project } = await requireProjectPage(slug, "project:read");
  const { filter, problem } = readFilter(await searchParams);
  const results = await loadRubricResults(actor, project.id, filter).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  // The other tools' sections take the batch filter (the rest of the filters apply to the sections above).
  const batchId = filter.batch && results ? (await findBatchByName(project.id, filter.batch)).id : undefined;
  const scores = results ? await loadProjectQuality(actor, project.id, batchId ? { batchId } : {}) : null;
  const judges = results ? await loadJudgeCalibration(actor, project.id, filter) : null;
  const query = filterQuery(filter);
  const pairLabels = new Map([
    ...(results?.pairAxes.map((a) => [a.key, `${a.label}${a.polarity === "CHOSEN_IS_WORSE" ? " (choosing = worse)" : ""}`] as const) ?? []),
    ...(results?.rankingAxes.map((a) => [a.key, `${a.label} (ranking${a.polarity === "CHOSEN_IS_WORSE" ? ", worst first" : ""})`] as const) ?? []),
  ]);
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}>← {project.name}</Link></p>
      <PageTitle sub="Submitted annotations only. Model names are shown here: this page is for the study team, never for reviewers.">Results</PageTitle>
      {results ? <ResultsFilters filter={filter} options={results.options} /> : null}
      {problem ? <p className="mb-4 text-sm text-rose-700" role="alert" data-testid="filter-problem">{problem} Showing all results instead.</p> : null}
      {!results ? (
        <p className="text-sm text-rose-700" role="alert">No batch named “{filter.batch}” in this project.</p>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-700" data-testid="results-basis">
            {filter.basis === "consensus"
              ? `${results.annotations} decided consensus annotation${results.annotations === 1 ? "" : "s"} (one per adjudicated item; agreement does not apply)`
              : `${results.annotations} submitted annotation${results.annotations === 1 ? "" : "s"} of ${results.items} item${results.items === 1 ? "" : "s"} by ${results.reviewers} reviewer${results.reviewers === 1 ? "" : "s"}`}
            {results.rubricVersions.length ? ` · rubric version ${[...new Set(results.rubricVersions)].join(", ")}` : ""} · gold items {filter.gold === "exclude" ? "excluded" : filter.gold === "only" ? "only" : "included"}.{" "}
            <a className="text-blue-800 underline" href={`/api/v1/projects/${project.slug}/results?format=csv${query ? `&${query}` : ""}`} data-testid="results-csv">Download as CSV</a>
            {" · Study report: "}
            <a className="text-blue-800 underline" href={`/api/v1/projects/${project.slug}/report?format=md`} data-testid="report-md">Markdown</a>
            {" · "}
            <a className="text-blue-800 underline" href={`/api/v1/projects/${project.slug}/report?format=pdf`} data-testid="report-pdf">PDF</a>
          </p>
          {results.axes.length ? (
            <section className={`${cardClass} mb-6`} aria-label="Rubric axes">
              <h2 className="mb-3 font-medium">Rubric axes per model</h2>
              {results.axes.map((r) => <AxisResultsTable key={r.axis.key} result={r} />)}
            </section>
          ) : null}
          {results.pairs.length ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label="Pairwise">
              <h2 className="mb-3 font-medium">Pairwise: better / tie / worse per model pair{results.rankingAxes.length ? " (rankings count each two ranked responses)" : ""}</h2>
              <PairwiseResultsTable pairs={results.pairs} labels={pairLabels} />
            </section>
          ) : null}
          {results.leaderboards.length ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label="Leaderboard">
              <h2 className="mb-3 font-medium">Leaderboard: Bradley–Terry strength per model</h2>
              <LeaderboardTables boards={results.leaderboards} labels={pairLabels} />
              {results.concordance.some((c) => c.units) ? (
                <p className="mt-3 text-sm" data-testid="kendall-w">
                  Concordance of rankings (Kendall&apos;s W with tie correction, per item over the reviewers who ranked the same answers; 1 = the same order):{" "}
                  {results.concordance.filter((c) => c.units).map((c) => `${c.label} mean W ${c.meanW!.toFixed(2)}, median ${c.medianW!.toFixed(2)} over ${c.units} item${c.units === 1 ? "" : "s"}`).join("; ")}.
                </p>
              ) : null}
            </section>
          ) : null}
          {results.agreement.some((a) => a.inter) ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label="Agreement">
              <h2 className="mb-1 font-medium">Inter-rater agreement per axis</h2>
              <p className="mb-3 text-xs text-slate-600">
                Units: each response (response axes), item (item axes) or response pair (pairwise, after polarity, as an ordinal first / tie / second).
                Choices and yes/no are nominal, scales ordinal. 95 % percentile bootstrap intervals over units (1,000 resamples, seeded). Cohen’s
                kappa only when exactly two reviewers rated the axis. “Undefined” says why on hover (e.g. every rating in one category).
              </p>
              <AgreementTable rows={results.agreement} which="inter" />
              {results.agreement.some((a) => a.intra) ? (
                <>
                  <h3 className="mb-1 mt-4 text-sm font-medium">Intra-rater reliability (the same reviewer rating the same unit again)</h3>
                  <AgreementTable rows={results.agreement} which="intra" />
                </>
              ) : null}
            </section>
          ) : null}
          {scores ? <ToolResults scores={scores} /> : null}
          {judges ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label="Judge calibration">
              <h2 className="mb-3 font-medium">Judge calibration: automated judges against the physicians</h2>
              <JudgeCalibrationSection calibration={judges} itemHref={allows(project.access, "item:browse") ? (itemId) => `/projects/${project.slug}/items/${itemId}` : undefined} />
            </section>
          ) : null}
          <footer className="text-xs text-slate-600" data-testid="results-methods">
            <p>
              Method. Shares are of ratings other than “Cannot rate / N/A”, with 95 % Wilson score intervals (Wilson 1927; Newcombe, Stat Med
              1998;17:857–872). The best bin is the share rated in the rubric’s best answer (✓), as the Med-PaLM papers report it (Singhal et
              al., Nature 2023;620:172–180). Means of scales have 95 % Student-t intervals. N/A is the share of all ratings given as “Cannot
              rate / N/A”. Pairwise: “better” after the axis polarity (on “choosing = worse” axes the response not chosen is better; Singhal et
              al., arXiv 2305.09617), Wilson intervals per pair. Ratings of one item by several reviewers count separately. Agreement:
              Krippendorff 2011; Cohen 1960, 1968; Fleiss 1971 with Gwet 2014 for missing ratings; Gwet 2008 (AC1/AC2); each implementation is
              checked against its authors’ published examples (docs/statistics.md).
            </p>
          </footer>
        </>
      )}
    </AppShell>
  );
}
