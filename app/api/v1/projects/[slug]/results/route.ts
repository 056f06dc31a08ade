import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { loadRubricResults } from "@/lib/results/load-results";
import { resolveResultsQuery } from "@/lib/results/resolve-results-query";
import { resultsCsv } from "@/lib/results/results-csv";
import { loadJudgeCalibration } from "@/lib/judges/calibration";
import { judgeCalibrationRows } from "@/lib/judges/calibration-rows";
import { loadVariantComparisons, variantCsvRows } from "@/lib/results/variant-pairs";
import { autoGradeCsvRows, loadAutoGrades } from "@/lib/results/auto-grades";

export const dynamic = "force-dynamic";

/**
 * Rubric results per axis and model, and pairwise win / tie / loss (the results page's figures).
 * `?format=json|csv` and the filters `batch, kind, specialty, language, reviewer (pseudonym), from,
 * to (YYYY-MM-DD), gold=exclude|include|only`. Bad parameter → 400, unknown project or batch → 404.
 * `judges`: LLM-judge calibration (lib/judges/calibration.ts), null when the project has no judge results.
 * `segment=field:value` narrows every figure to one value of an analysis field (lib/results/segments.ts);
 * `autoGrades`: answers graded automatically against the items' keys, per model (lib/results/auto-grades.ts);
 * `variants`: variants against their originals with McNemar's test (lib/results/variant-pairs.ts).
 */
export const GET = withApiAuth<{ slug: string }>("project:read", async (req: NextRequest, actor, { slug }) => {
  const { project, filter, format } = await resolveResultsQuery(actor, slug, Object.fromEntries(req.nextUrl.searchParams));
  const [results, judges, variants, autoGrades] = await Promise.all([loadRubricResults(actor, project.id, filter), loadJudgeCalibration(actor, project.id, filter), loadVariantComparisons(actor, project.id, filter), loadAutoGrades(actor, project.id, filter)]);
  if (format === "json") return Response.json({ filter, ...results, judges, autoGrades, variants });
  const name = `${project.slug}-results-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(resultsCsv(results, [...autoGradeCsvRows(autoGrades), ...variantCsvRows(variants), ...judgeCalibrationRows(judges)]), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
});
