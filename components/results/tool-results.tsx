import { cardClass } from "@/components/ui/styles";
import type { Aggregate } from "@/lib/criteria/score";
import type { ProjectQuality } from "@/lib/criteria/project-quality";
import { ArgumentResultsSection } from "@/components/admin/argument-results";
import { SuggestionResultsSection } from "./suggestion-results";

// The results of the tools beyond rubric axes (moved here from the former scores page): case
// criteria (HealthBench scoring), differential top-k accuracy, reasoning steps, reference recall,
// argument structure, and for admins reviewer accuracy on gold items.

function Score({ value }: { value: Aggregate | null | undefined }) {
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <span title={`raw mean ${value.rawMean.toFixed(3)} (before clipping), n = ${value.n}`}>
      {value.mean.toFixed(3)} <span className="text-xs text-slate-500">± {value.bootstrapStd.toFixed(3)}</span>
    </span>
  );
}

const pretty = (tag: string) => tag.replace(/^(axis|theme):/, "").replaceAll("_", " ");

/** Sections appear only when the project has such results. */
export function ToolResults({ scores }: { scores: ProjectQuality }) {
  const gold = scores.goldAccuracy;
  const axes = [...new Set(scores.byModel.flatMap((m) => Object.keys(m.byAxis)))].sort();
  const themes = [...new Set(scores.byModel.flatMap((m) => Object.keys(m.byTheme)))].sort();
  return (
    <>
      <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label="Case criteria scores">
        <h2 className="mb-1 font-medium">Case criteria scores per model</h2>
        <p className="mb-3 text-xs text-slate-600">
          HealthBench scoring (Arora et al. 2025; simple-evals <code>healthbench_eval.py</code>): per item, points of criteria met (negatives included) ÷ points of all positive criteria, not clipped;
          each figure below is the mean over graded responses clipped to [0, 1], ± bootstrap standard deviation (1,000 resamples).
        </p>
        {scores.byModel.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="no-criteria-scores">No fully graded criteria yet.</p>
        ) : (
          <table className="w-full text-start text-sm" data-testid="criteria-scores">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1 pe-3">Model</th>
                <th className="pe-3">Graded</th>
                <th className="pe-3">Overall</th>
                {axes.map((a) => <th key={a} className="pe-3">{pretty(a)}</th>)}
                {themes.map((t) => <th key={t} className="pe-3">theme: {pretty(t)}</th>)}
              </tr>
            </thead>
            <tbody>
              {scores.byModel.map((m) => (
                <tr key={m.modelName} className="border-t border-slate-100" data-model={m.modelName}>
                  <td className="py-1 pe-3 font-medium">{m.modelName}</td>
                  <td className="pe-3">{m.gradedResponses}</td>
                  <td className="pe-3" data-testid="overall-score"><Score value={m.overall} /></td>
                  {axes.map((a) => <td key={a} className="pe-3"><Score value={m.byAxis[a]} /></td>)}
                  {themes.map((t) => <td key={t} className="pe-3"><Score value={m.byTheme[t]} /></td>)}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {scores.perItem.length ? (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-blue-800">Per-item scores ({scores.perItem.length}{scores.truncated ? ", first 5,000" : ""})</summary>
            <table className="mt-2 w-full text-start text-xs" data-testid="per-item-scores">
              <thead className="text-slate-500"><tr><th className="pe-3">Item</th><th className="pe-3">Model</th><th className="pe-3">Score (unclipped)</th></tr></thead>
              <tbody>
                {scores.perItem.map((row, i) => (
                  <tr key={i} className="border-t border-slate-100"><td className="pe-3">{row.externalId}</td><td className="pe-3">{row.modelName}</td><td className="pe-3">{row.score === null ? "—" : row.score.toFixed(3)}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </section>

      {scores.ddxAccuracy.length ? (
        <section className={`${cardClass} mb-6`} aria-label="Differential accuracy">
          <h2 className="mb-1 font-medium">Differential diagnosis: top-k accuracy per model</h2>
          <p className="mb-3 text-xs text-slate-600">Share of graded differentials with an exact, very close or closely related match among the first k entries (AMIE, Tu et al. 2024).</p>
          <table className="w-full text-start text-sm" data-testid="ddx-accuracy">
            <thead className="text-xs text-slate-500"><tr><th className="py-1 pe-3">Model</th><th className="pe-3">Graded</th><th className="pe-3">Top-1</th><th className="pe-3">Top-3</th><th className="pe-3">Top-5</th><th className="pe-3">Top-10</th></tr></thead>
            <tbody>
              {scores.ddxAccuracy.map((row) => (
                <tr key={row.modelName} className="border-t border-slate-100" data-model={row.modelName}>
                  <td className="py-1 pe-3 font-medium">{row.modelName}</td>
                  <td className="pe-3">{row.graded}</td>
                  {["1", "3", "5", "10"].map((k) => <td key={k} className="pe-3" data-k={k}>{(row.topK[k] * 100).toFixed(0)} %</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {scores.corrections.length ? (
        <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label="Corrections">
          <h2 className="mb-1 font-medium">Corrections per model</h2>
          <p className="mb-3 text-xs text-slate-600">
            Responses reviewers rewrote, and how much: the word-level edit distance (Levenshtein under a word diff&apos;s alignment; words and punctuation
            marks are tokens) divided by the original answer&apos;s tokens, mean with a 95 % t interval and median (decision 030). Exported as
            fine-tuning records (format=sft) and as preference pairs, the correction preferred to the original.
          </p>
          <table className="w-full text-start text-sm" data-testid="correction-results">
            <thead className="text-xs text-slate-500">
              <tr><th className="py-1 pe-3">Model</th><th className="pe-3">Corrected responses</th><th className="pe-3">Share of the answer edited, mean (95 % CI)</th><th className="pe-3">Median</th><th className="pe-3">Words edited, mean</th></tr>
            </thead>
            <tbody>
              {scores.corrections.map((c) => (
                <tr key={c.model} className="border-t border-slate-100" data-model={c.model}>
                  <td className="py-1 pe-3 font-medium">{c.model}</td>
                  <td className="pe-3">{c.corrected}</td>
                  <td className="pe-3 tabular-nums">{c.normalized.mean === null ? "—" : `${(c.normalized.mean * 100).toFixed(1)} %`}{c.normalized.low !== null && c.normalized.high !== null ? ` (${(c.normalized.low * 100).toFixed(1)} to ${(c.normalized.high * 100).toFixed(1)} %)` : ""}</td>
                  <td className="pe-3 tabular-nums">{c.medianNormalized === null ? "—" : `${(c.medianNormalized * 100).toFixed(1)} %`}</td>
                  <td className="pe-3 tabular-nums">{c.meanEditDistance.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <SuggestionResultsSection results={scores.suggestions} />

      {scores.steps.length ? (
        <section className={`${cardClass} mb-6`} aria-label="Reasoning steps">
          <h2 className="mb-1 font-medium">Reasoning steps per model</h2>
          <p className="mb-3 text-xs text-slate-600">
            Right answer, wrong reasoning: the final answer is judged correct but the reasoning does not support it or a step is incorrect or
            unsupported (share of responses whose answer was judged, 95 % Wilson interval). Efficiency = reasoning steps ÷ steps and
            factuality = correct reasoning steps ÷ reasoning steps (MedR-Bench, Qiu et al. 2025; kinds from the verdict when not labelled).
            First error: where in the trace it falls (fifths of the steps). Decision 012.
          </p>
          <table className="w-full text-start text-sm" data-testid="step-results">
            <thead className="text-xs text-slate-500">
              <tr><th className="py-1 pe-3">Model</th><th className="pe-3">Responses</th><th className="pe-3">Right answer, wrong reasoning</th><th className="pe-3">Efficiency</th><th className="pe-3">Factuality</th><th className="pe-3">First error (by fifth)</th><th>Top error types</th></tr>
            </thead>
            <tbody>
              {scores.steps.map((s) => (
                <tr key={s.model} className="border-t border-slate-100 align-top" data-model={s.model}>
                  <td className="py-1 pe-3 font-medium">{s.model}</td>
                  <td className="pe-3">{s.responses}</td>
                  <td className="pe-3" data-col="rawr">
                    {s.rightAnswerWrongReasoning.count}/{s.rightAnswerWrongReasoning.n}
                    {s.rightAnswerWrongReasoning.share === null ? "" : ` = ${(s.rightAnswerWrongReasoning.share * 100).toFixed(0)} % [${((s.rightAnswerWrongReasoning.low ?? 0) * 100).toFixed(0)}–${((s.rightAnswerWrongReasoning.high ?? 0) * 100).toFixed(0)}]`}
                  </td>
                  <td className="pe-3">{s.efficiency.mean === null ? "—" : `${(s.efficiency.mean * 100).toFixed(0)} %`}</td>
                  <td className="pe-3">{s.factuality.mean === null ? "—" : `${(s.factuality.mean * 100).toFixed(0)} %`}</td>
                  <td className="pe-3 font-mono text-xs">{s.firstErrorQuintiles.join(" · ")}</td>
                  <td className="text-xs">{s.errorTypes.slice(0, 3).map((t) => `${t.key} (${t.steps})`).join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {scores.arguments.annotations ? <ArgumentResultsSection results={scores.arguments} /> : null}

      {scores.referenceRecall.length ? (
        <section className={`${cardClass} mb-6`} aria-label="Reference recall">
          <h2 className="mb-1 font-medium">Reasoning recall against reference statements, per model</h2>
          <p className="mb-3 text-xs text-slate-600">
            For each response, the share of the item&apos;s clinician-written reference statements its reasoning covers (covered 1, partly ½;
            strict: covered only), averaged over responses with every statement marked (MedCaseReasoning, Wu et al. 2025, judged here by reviewers).
          </p>
          <table className="w-full text-start text-sm" data-testid="reference-recall">
            <thead className="text-xs text-slate-500"><tr><th className="py-1 pe-3">Model</th><th className="pe-3">Responses</th><th className="pe-3">Recall</th><th className="pe-3">Strict recall</th></tr></thead>
            <tbody>
              {scores.referenceRecall.map((row) => (
                <tr key={row.modelName} className="border-t border-slate-100" data-model={row.modelName}>
                  <td className="py-1 pe-3 font-medium">{row.modelName}</td>
                  <td className="pe-3">{row.responses}</td>
                  <td className="pe-3" data-col="recall">{(row.recall * 100).toFixed(0)} %</td>
                  <td className="pe-3" data-col="strict">{(row.strictRecall * 100).toFixed(0)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {gold ? (
        <section className={cardClass} aria-label="Gold accuracy">
          <h2 className="mb-1 font-medium">Reviewer accuracy on gold items</h2>
          <p className="mb-3 text-xs text-slate-600">Gold items have known answers (imported in <code>reference.gold</code>) and look like any other item to reviewers. Every gold value a reviewer rated counts; a missing rating counts as wrong.</p>
          {gold.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="no-gold">No submitted gold items yet.</p>
          ) : (
            <table className="w-full text-start text-sm" data-testid="gold-accuracy">
              <thead className="text-xs text-slate-500"><tr><th className="py-1 pe-3">Reviewer</th><th className="pe-3">Gold items</th><th className="pe-3">Correct / compared</th><th className="pe-3">Accuracy</th></tr></thead>
              <tbody>
                {gold.map((row) => (
                  <tr key={row.reviewerId} className="border-t border-slate-100" data-reviewer={row.reviewerEmail}>
                    <td className="py-1 pe-3">{row.reviewerName} <span className="text-xs text-slate-500">{row.reviewerEmail}</span></td>
                    <td className="pe-3">{row.goldItems}</td>
                    <td className="pe-3">{row.correct} / {row.compared}</td>
                    <td className="pe-3 font-medium">{row.accuracy === null ? "—" : `${(row.accuracy * 100).toFixed(0)} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
}
