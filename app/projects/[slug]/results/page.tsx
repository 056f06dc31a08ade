import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AgreementTable } from "@/components/results/agreement-table";
import { AxisResultsTable } from "@/components/results/axis-results-table";
import { JudgeCalibrationSection } from "@/components/results/judge-calibration";
import { LeaderboardTables } from "@/components/results/leaderboard-table";
import { PairwiseResultsTable } from "@/components/results/pairwise-results-table";
import { ResultsFilters } from "@/components/results/results-filters";
import { ToolResults } from "@/components/results/tool-results";
import { fixedFor } from "@/components/results/decimal";
import { loadProjectQuality } from "@/lib/criteria/project-quality";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { allows, NotFoundError } from "@/lib/auth/permissions";
import { requireProjectPage } from "@/lib/projects/page-access";
import { loadJudgeCalibration } from "@/lib/judges/calibration";
import { loadRubricResults } from "@/lib/results/load-results";
import { filterQuery, resultsFilterSchema, type ResultsFilter } from "@/lib/results/results-filter";
import { findBatchByName } from "@/lib/assignments/find-batch";
import { BreakdownTable } from "@/components/results/breakdown-table";
import { VariantTable } from "@/components/results/variant-table";
import { getDb } from "@/lib/db/client";
import { loadBreakdown } from "@/lib/results/breakdown";
import { SEGMENT_FIELD_NAMES, segmentOptions, type SegmentField } from "@/lib/results/segments";
import { loadVariantComparisons } from "@/lib/results/variant-pairs";
import { loadAutoGrades } from "@/lib/results/auto-grades";
import { AutoGradeTable } from "@/components/results/auto-grade-table";
import { MCNEMAR_CITATION } from "@/lib/stats/mcnemar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("results");
  return { title: t("metaTitle") };
}

type Search = Record<string, string | string[] | undefined>;

/** Query parameters as the filter schema reads them; a bad value falls back to no filter, with the message shown (the schema's English). */
function readFilter(search: Search): { filter: ResultsFilter; problem: string | null; by: SegmentField | undefined } {
  // `by` (the breakdown's field) is the page's own parameter, not a filter.
  const { by: rawBy, ...flat } = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const by = SEGMENT_FIELD_NAMES.find((f) => f === rawBy);
  const parsed = resultsFilterSchema.safeParse(flat);
  if (parsed.success) return { filter: parsed.data, problem: null, by };
  return { filter: resultsFilterSchema.parse({}), problem: parsed.error.issues.map((i) => i.message).join(" "), by };
}

/**
 * The project's rubric results for the study team (issue 9): per axis and model the distribution of
 * answers, the best bin, the mean of scales and the N/A rate, each with a 95 % interval; pairwise
 * win / tie / loss after polarity. Filters live in the address; every table is in the CSV download.
 */
export default async function ResultsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const { actor, project } = await requireProjectPage(slug, "project:read");
  const { filter, problem, by } = readFilter(await searchParams);
  const results = await loadRubricResults(actor, project.id, filter).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  const [segments, variants, autoGrades, breakdown] = results
    ? await Promise.all([segmentOptions(getDb(), project.id), loadVariantComparisons(actor, project.id, filter), loadAutoGrades(actor, project.id, filter), by ? loadBreakdown(actor, project.id, filter, by) : null])
    : [[], [], [], null];
  // The other tools' sections take the batch filter (the rest of the filters apply to the sections above).
  const batchId = filter.batch && results ? (await findBatchByName(project.id, filter.batch)).id : undefined;
  const scores = results ? await loadProjectQuality(actor, project.id, batchId ? { batchId } : {}) : null;
  const judges = results ? await loadJudgeCalibration(actor, project.id, filter) : null;
  const query = filterQuery(filter);
  const [t, tFields, locale] = await Promise.all([getTranslations("results.page"), getTranslations("results.fields"), getLocale()]);
  const fixed = fixedFor(locale);
  const pairLabels = new Map([
    ...(results?.pairAxes.map((a) => [a.key, a.polarity === "CHOSEN_IS_WORSE" ? t("pairLabel.chosenIsWorse", { label: a.label }) : a.label] as const) ?? []),
    ...(results?.rankingAxes.map((a) => [a.key, t(a.polarity === "CHOSEN_IS_WORSE" ? "pairLabel.rankingWorstFirst" : "pairLabel.ranking", { label: a.label })] as const) ?? []),
  ]);
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}>{t("back", { project: project.name })}</Link></p>
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      {results ? <ResultsFilters filter={filter} options={results.options} segments={segments} by={by} /> : null}
      {problem ? <p className="mb-4 text-sm text-rose-700" role="alert" data-testid="filter-problem">{t("filterProblem", { problem })}</p> : null}
      {!results ? (
        <p className="text-sm text-rose-700" role="alert">{t("noBatch", { batch: filter.batch ?? "" })}</p>
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-700" data-testid="results-basis">
            {filter.basis === "consensus"
              ? t("basis.consensus", { count: results.annotations })
              : t("basis.reviews", { annotations: results.annotations, items: results.items, reviewers: results.reviewers })}
            {results.rubricVersions.length ? ` · ${t("basis.rubricVersion", { versions: [...new Set(results.rubricVersions)].join(", ") })}` : ""} · {t("basis.gold", { gold: filter.gold })}.{" "}
            <a className="text-blue-800 underline" href={`/api/v1/projects/${project.slug}/results?format=csv${query ? `&${query}` : ""}`} data-testid="results-csv">{t("basis.csv")}</a>
            {` · ${t("basis.report")} `}
            <a className="text-blue-800 underline" href={`/api/v1/projects/${project.slug}/report?format=md`} data-testid="report-md">Markdown</a>
            {" · "}
            <a className="text-blue-800 underline" href={`/api/v1/projects/${project.slug}/report?format=pdf`} data-testid="report-pdf">PDF</a>
          </p>
          {results.axes.length ? (
            <section className={`${cardClass} mb-6`} aria-label={t("axes.label")}>
              <h2 className="mb-3 font-medium">{t("axes.heading")}</h2>
              {results.axes.map((r) => <AxisResultsTable key={r.axis.key} result={r} />)}
            </section>
          ) : null}
          {results.pairs.length ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("pairwise.label")}>
              <h2 className="mb-3 font-medium">{t(results.rankingAxes.length ? "pairwise.headingWithRankings" : "pairwise.heading")}</h2>
              <PairwiseResultsTable pairs={results.pairs} labels={pairLabels} />
            </section>
          ) : null}
          {results.leaderboards.length ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("leaderboard.label")}>
              <h2 className="mb-3 font-medium">{t("leaderboard.heading")}</h2>
              <LeaderboardTables boards={results.leaderboards} labels={pairLabels} />
              {results.concordance.some((c) => c.units) ? (
                <p className="mt-3 text-sm" data-testid="kendall-w">
                  {t("leaderboard.concordance")}{" "}
                  {results.concordance.filter((c) => c.units).map((c) => t("leaderboard.concordanceEntry", { label: c.label, mean: fixed(c.meanW!, 2), median: fixed(c.medianW!, 2), units: c.units })).join("; ")}.
                </p>
              ) : null}
            </section>
          ) : null}
          {results.agreement.some((a) => a.inter) ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("agreement.label")}>
              <h2 className="mb-1 font-medium">{t("agreement.heading")}</h2>
              <p className="mb-3 text-xs text-slate-600">{t("agreement.help")}</p>
              <AgreementTable rows={results.agreement} which="inter" />
              {results.agreement.some((a) => a.intra) ? (
                <>
                  <h3 className="mb-1 mt-4 text-sm font-medium">{t("agreement.intraHeading")}</h3>
                  <AgreementTable rows={results.agreement} which="intra" />
                </>
              ) : null}
            </section>
          ) : null}
          {by ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("breakdown.label")}>
              <h2 className="mb-1 font-medium">{t("breakdown.heading", { field: tFields(by) })}</h2>
              <p className="mb-3 text-xs text-slate-600">{t("breakdown.help")}</p>
              {breakdown ? <BreakdownTable breakdown={breakdown} hrefOf={(segment) => `?${filterQuery({ ...filter, segment })}`} /> : <p className="text-sm text-slate-600">{t("breakdown.none")}</p>}
            </section>
          ) : null}
          {autoGrades.length ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("autoGrades.label")}>
              <h2 className="mb-1 font-medium">{t("autoGrades.heading")}</h2>
              <p className="mb-3 text-xs text-slate-600">{t("autoGrades.help")}</p>
              <AutoGradeTable grades={autoGrades} />
            </section>
          ) : null}
          {variants.length ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("variants.label")}>
              <h2 className="mb-1 font-medium">{t("variants.heading")}</h2>
              <p className="mb-3 text-xs text-slate-600">{t("variants.help", { citation: MCNEMAR_CITATION })}</p>
              <VariantTable comparisons={variants} />
            </section>
          ) : null}
          {scores ? <ToolResults scores={scores} /> : null}
          {judges ? (
            <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("judges.label")}>
              <h2 className="mb-3 font-medium">{t("judges.heading")}</h2>
              <JudgeCalibrationSection calibration={judges} itemHref={allows(project.access, "item:browse") ? (itemId) => `/projects/${project.slug}/items/${itemId}` : undefined} />
            </section>
          ) : null}
          <footer className="text-xs text-slate-600" data-testid="results-methods">
            <p>{t("methods")}</p>
          </footer>
        </>
      )}
    </AppShell>
  );
}
