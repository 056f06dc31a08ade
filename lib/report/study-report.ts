import type { Actor } from "@/lib/auth/permissions";
import { loadProjectQuality, type ProjectQuality } from "@/lib/criteria/project-quality";
import { loadJudgeCalibration, type JudgeCalibration } from "@/lib/judges/calibration";
import { percentWithInterval } from "@/lib/results/format";
import { loadRubricResults, type RubricResults } from "@/lib/results/load-results";
import { resultsFilterSchema } from "@/lib/results/results-filter";
import { studyChecklists } from "./checklists";
import { loadStudyDesign, type StudyDesign } from "./load-study-design";

// The study report (issue 9): one Markdown document from a study's own records — design, work,
// results per model with intervals, agreement, gold accuracy (pseudonymized), judge calibration, and
// the reporting checklists filled in where the records allow. The same function feeds the page's
// download, the API and the CLI; the PDF is this Markdown rendered by Chromium (./render-pdf.ts).

export type StudyReportData = { design: StudyDesign; results: RubricResults; quality: ProjectQuality; judges: JudgeCalibration | null; generatedAt: string };

export async function loadStudyReport(actor: Actor, projectId: string): Promise<StudyReportData> {
  const filter = resultsFilterSchema.parse({});
  const [design, results, quality, judges] = await Promise.all([
    loadStudyDesign(actor, projectId),
    loadRubricResults(actor, projectId, filter),
    loadProjectQuality(actor, projectId),
    loadJudgeCalibration(actor, projectId, filter),
  ]);
  return { design, results, quality, judges, generatedAt: new Date().toISOString() };
}

/** Text from the records goes into tables: pipes and line breaks would break the Markdown table. */
const cell = (text: string | number | null | undefined) => String(text ?? "—").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
const table = (head: string[], rows: Array<Array<string | number | null>>) =>
  [`| ${head.map(cell).join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
const fixed = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? "—" : x.toFixed(digits));

function designSection({ design }: StudyReportData): string {
  const p = design.project;
  const t = design.work.timeOnTaskMinutes;
  return [
    "## Design",
    table(["", ""], [
      ["Items", `${design.items.total} (${Object.entries(design.items.byKind).map(([k, n]) => `${n} ${k}`).join(", ") || "none"}); ${design.items.gold} gold`],
      ["Languages · specialties", `${design.items.languages.join(", ") || "—"} · ${design.items.specialties.join(", ") || "—"}`],
      ["Models", design.models.map((m) => `${m.name} (${m.responses} responses)`).join(", ") || "—"],
      ["Rubric", design.rubric ? `${design.rubric.name}, version ${design.rubric.version}, ${design.rubric.axes} axes${design.rubric.citation ? ` — ${design.rubric.citation}` : ""}` : "—"],
      ["Reviewers", `${design.reviewers.count}: ${Object.entries(design.reviewers.specialties).map(([s, n]) => `${s} ${n}`).join(", ") || "—"}`],
      ["Blinding", p.blinded ? "blinded to model identity (random ids, shuffled response order)" : "not blinded"],
      ["Randomization", p.randomizeOrder ? "item order randomized per reviewer" : "fixed item order"],
      ["Assignment", `${p.reviewersPerItem} reviewer(s) per item; batches: ${design.batches.map((b) => `${b.name} (${b.items} items, ${b.assignments} assignments${b.dueAt ? `, due ${b.dueAt}` : ""})`).join("; ") || "none"}`],
      ["Study arms", "none recorded"],
    ]),
    "",
    "## Work",
    `${design.work.submitted} assignments submitted, ${design.work.skipped} skipped (with reasons, in the export), ${design.work.pending} not done. Time on task per submitted assignment (active time): median ${fixed(t.median, 1)} min (IQR ${fixed(t.q1, 1)}–${fixed(t.q3, 1)}), ${fixed(t.total / 60, 1)} hours in all.`,
  ].join("\n");
}

function resultsSection({ results }: StudyReportData): string {
  const out = ["## Results per model", `${results.annotations} submitted annotations of ${results.items} items by ${results.reviewers} reviewers; gold items excluded. Shares are of ratings other than N/A, with 95 % Wilson intervals; the best bin as the Med-PaLM papers report it.`];
  if (results.axes.length) {
    out.push("", table(["Axis", "Model", "Ratings", "Best bin", "Mean (scales)", "N/A"], results.axes.flatMap(({ axis, models }) => models.map((m) => [
      axis.label, m.model ?? "(item)", m.ratings, m.best ? percentWithInterval(m.best) : "—",
      m.mean?.mean != null ? `${fixed(m.mean.mean)} (${fixed(m.mean.low)}–${fixed(m.mean.high)})` : "—", percentWithInterval(m.notApplicable),
    ]))));
  }
  if (results.pairs.length) {
    out.push("", "### Pairwise (after polarity)", "", table(["Axis", "Model", "versus", "n", "Better", "Tie", "Worse"], results.pairs.map((p) => [p.axis, p.first, p.second, p.judgments, percentWithInterval(p.firstWins), percentWithInterval(p.ties), percentWithInterval(p.secondWins)])));
  }
  const agreement = results.agreement.filter((a) => a.inter);
  if (agreement.length) {
    const coefficient = (a: (typeof agreement)[number], key: string) => {
      const c = a.inter!.coefficients.find((x) => x.key === key);
      return !c ? "—" : c.value === null ? "undefined" : `${fixed(c.value)}${c.interval ? ` (${fixed(c.interval.low)}–${fixed(c.interval.high)})` : ""}`;
    };
    out.push("", "## Agreement", "Bootstrap 95 % intervals over units (1,000 resamples). Krippendorff 2011; Fleiss 1971 with Gwet 2014; Gwet 2008.", "",
      table(["Axis", "Level", "Pairable units", "Raters", "Krippendorff α", "Fleiss κ", "Gwet AC1", "% agreement"], agreement.map((a) => [
        a.label, a.inter!.level, a.inter!.basis.pairableUnits, a.inter!.basis.raters, coefficient(a, "krippendorff_alpha"), coefficient(a, "fleiss_kappa"), coefficient(a, "gwet_ac1"), coefficient(a, "percent_agreement"),
      ])));
  }
  return out.join("\n");
}

function otherSections({ quality, judges }: StudyReportData): string {
  const out: string[] = [];
  if (quality.byModel.length) {
    out.push("## Case criteria (HealthBench scoring)", "", table(["Model", "Graded", "Score (clipped mean ± bootstrap SD)"], quality.byModel.map((m) => [m.modelName, m.gradedResponses, m.overall ? `${fixed(m.overall.mean, 3)} ± ${fixed(m.overall.bootstrapStd, 3)}` : "—"])));
  }
  if (quality.steps.length) {
    out.push("", "## Reasoning steps", "", table(["Model", "Responses", "Right answer, wrong reasoning"], quality.steps.map((s) => [s.model, s.responses, percentWithInterval(s.rightAnswerWrongReasoning)])));
  }
  if (quality.goldAccuracy?.length) {
    // Reviewers by position, not by name: a report travels further than the app.
    out.push("", "## Gold items", "", table(["Reviewer", "Gold items", "Correct / compared", "Accuracy"], quality.goldAccuracy.map((g, i) => [`Reviewer ${i + 1}`, g.goldItems, `${g.correct} / ${g.compared}`, g.accuracy === null ? "—" : `${Math.round(g.accuracy * 100)} %`])));
  }
  if (judges?.targets.length) {
    out.push("", "## Judge calibration", "", table(["Judge", "Target", "Units", "Cohen κ (pooled)", "α physicians", "α with judge"], judges.targets.map((t) => [
      t.judge, t.label, t.units, t.kappa[0]?.value == null ? "—" : fixed(t.kappa[0].value), fixed(t.alphaPhysicians?.value), fixed(t.alphaWithJudge?.value),
    ])));
  }
  return out.join("\n");
}

function checklistSection(data: StudyReportData): string {
  const out = ["## Reporting checklists", "Items paraphrase what each guideline asks about human evaluation (not the official wording or numbering): check the published checklist. ☑ filled from the study's records · ☐ **to complete by the study team**."];
  for (const list of studyChecklists(data.design, data.results)) {
    out.push("", `### ${list.name}`, `_${list.citation}_`, "", ...list.items.map((i) => (i.answer ? `- ☑ **${i.topic}**: ${i.answer}` : `- ☐ **${i.topic}**: _to complete_`)));
  }
  return out.join("\n");
}

export function studyReportMarkdown(data: StudyReportData): string {
  return [
    `# Study report: ${data.design.project.name}`,
    `Generated by Consilium from the study's records on ${data.generatedAt.slice(0, 16).replace("T", " ")} UTC (project \`${data.design.project.slug}\`).`,
    "",
    designSection(data),
    "",
    resultsSection(data),
    "",
    otherSections(data),
    "",
    checklistSection(data),
    "",
  ].join("\n").replace(/\n{3,}/g, "\n\n");
}
