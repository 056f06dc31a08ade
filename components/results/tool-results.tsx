import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import type { Aggregate } from "@/lib/criteria/score";
import type { ProjectQuality } from "@/lib/criteria/project-quality";
import { ArgumentResultsSection } from "@/components/admin/argument-results";
import { useFixed } from "./decimal";
import { SuggestionResultsSection } from "./suggestion-results";
import { TrajectoryResultsSection } from "./trajectory-results";
import { CitationResultsSection } from "./citation-results";
import { GroundingResultsSection } from "./grounding-results";
import { RegionResultsSection } from "./region-results";
import { RecordResultsSection } from "./record-results";

// The results of the tools beyond rubric axes (moved here from the former scores page): case
// criteria (HealthBench scoring), differential top-k accuracy, reasoning steps, reference recall,
// argument structure, and for admins reviewer accuracy on gold items.

function Score({ value }: { value: Aggregate | null | undefined }) {
  const t = useTranslations("results.tools.criteria");
  const fixed = useFixed();
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <span title={t("scoreTitle", { raw: fixed(value.rawMean, 3), n: String(value.n) })}>
      {fixed(value.mean, 3)} <span className="text-xs text-slate-500">± {fixed(value.bootstrapStd, 3)}</span>
    </span>
  );
}

const pretty = (tag: string) => tag.replace(/^(axis|theme):/, "").replaceAll("_", " ");

/** Sections appear only when the project has such results. */
export function ToolResults({ scores }: { scores: ProjectQuality }) {
  const gold = scores.goldAccuracy;
  const axes = [...new Set(scores.byModel.flatMap((m) => Object.keys(m.byAxis)))].sort();
  const themes = [...new Set(scores.byModel.flatMap((m) => Object.keys(m.byTheme)))].sort();
  const t = useTranslations("results.tools");
  const fixed = useFixed();
  return (
    <>
      <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("criteria.label")}>
        <h2 className="mb-1 font-medium">{t("criteria.heading")}</h2>
        <p className="mb-3 text-xs text-slate-600">
          {t.rich("criteria.help", { code: (c) => <code>{c}</code> })}
        </p>
        {scores.byModel.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="no-criteria-scores">{t("criteria.none")}</p>
        ) : (
          <table className="w-full text-start text-sm" data-testid="criteria-scores">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1 pe-3">{t("criteria.model")}</th>
                <th className="pe-3">{t("criteria.graded")}</th>
                <th className="pe-3">{t("criteria.overall")}</th>
                {axes.map((a) => <th key={a} className="pe-3">{pretty(a)}</th>)}
                {themes.map((theme) => <th key={theme} className="pe-3">{t("criteria.theme", { theme: pretty(theme) })}</th>)}
              </tr>
            </thead>
            <tbody>
              {scores.byModel.map((m) => (
                <tr key={m.modelName} className="border-t border-slate-100" data-model={m.modelName}>
                  <td className="py-1 pe-3 font-medium">{m.modelName}</td>
                  <td className="pe-3">{m.gradedResponses}</td>
                  <td className="pe-3" data-testid="overall-score"><Score value={m.overall} /></td>
                  {axes.map((a) => <td key={a} className="pe-3"><Score value={m.byAxis[a]} /></td>)}
                  {themes.map((theme) => <td key={theme} className="pe-3"><Score value={m.byTheme[theme]} /></td>)}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {scores.perItem.length ? (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-blue-800">{t(scores.truncated ? "criteria.perItemTruncated" : "criteria.perItem", { count: String(scores.perItem.length) })}</summary>
            <table className="mt-2 w-full text-start text-xs" data-testid="per-item-scores">
              <thead className="text-slate-500"><tr><th className="pe-3">{t("criteria.item")}</th><th className="pe-3">{t("criteria.model")}</th><th className="pe-3">{t("criteria.score")}</th></tr></thead>
              <tbody>
                {scores.perItem.map((row, i) => (
                  <tr key={i} className="border-t border-slate-100"><td className="pe-3">{row.externalId}</td><td className="pe-3">{row.modelName}</td><td className="pe-3">{row.score === null ? "—" : fixed(row.score, 3)}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </section>

      {scores.ddxAccuracy.length ? (
        <section className={`${cardClass} mb-6`} aria-label={t("ddx.label")}>
          <h2 className="mb-1 font-medium">{t("ddx.heading")}</h2>
          <p className="mb-3 text-xs text-slate-600">{t("ddx.help")}</p>
          <table className="w-full text-start text-sm" data-testid="ddx-accuracy">
            <thead className="text-xs text-slate-500"><tr><th className="py-1 pe-3">{t("ddx.model")}</th><th className="pe-3">{t("ddx.graded")}</th>{["1", "3", "5", "10"].map((k) => <th key={k} className="pe-3">{t("ddx.top", { k })}</th>)}</tr></thead>
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
        <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("corrections.label")}>
          <h2 className="mb-1 font-medium">{t("corrections.heading")}</h2>
          <p className="mb-3 text-xs text-slate-600">{t("corrections.help")}</p>
          <table className="w-full text-start text-sm" data-testid="correction-results">
            <thead className="text-xs text-slate-500">
              <tr><th className="py-1 pe-3">{t("corrections.model")}</th><th className="pe-3">{t("corrections.corrected")}</th><th className="pe-3">{t("corrections.share")}</th><th className="pe-3">{t("corrections.median")}</th><th className="pe-3">{t("corrections.words")}</th></tr>
            </thead>
            <tbody>
              {scores.corrections.map((c) => (
                <tr key={c.model} className="border-t border-slate-100" data-model={c.model}>
                  <td className="py-1 pe-3 font-medium">{c.model}</td>
                  <td className="pe-3">{c.corrected}</td>
                  <td className="pe-3 tabular-nums">{c.normalized.mean === null ? "—" : `${fixed(c.normalized.mean * 100, 1)} %`}{c.normalized.low !== null && c.normalized.high !== null ? ` ${t("corrections.interval", { low: fixed(c.normalized.low * 100, 1), high: fixed(c.normalized.high * 100, 1) })}` : ""}</td>
                  <td className="pe-3 tabular-nums">{c.medianNormalized === null ? "—" : `${fixed(c.medianNormalized * 100, 1)} %`}</td>
                  <td className="pe-3 tabular-nums">{fixed(c.meanEditDistance, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <SuggestionResultsSection results={scores.suggestions} />

      {scores.steps.length ? (
        <section className={`${cardClass} mb-6`} aria-label={t("steps.label")}>
          <h2 className="mb-1 font-medium">{t("steps.heading")}</h2>
          <p className="mb-3 text-xs text-slate-600">{t("steps.help")}</p>
          <table className="w-full text-start text-sm" data-testid="step-results">
            <thead className="text-xs text-slate-500">
              <tr><th className="py-1 pe-3">{t("steps.model")}</th><th className="pe-3">{t("steps.responses")}</th><th className="pe-3">{t("steps.rightAnswerWrongReasoning")}</th><th className="pe-3">{t("steps.efficiency")}</th><th className="pe-3">{t("steps.factuality")}</th><th className="pe-3">{t("steps.firstError")}</th><th>{t("steps.errorTypes")}</th></tr>
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
                  <td className="text-xs">{s.errorTypes.slice(0, 3).map((e) => `${e.key} (${e.steps})`).join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {scores.trajectories.length ? <TrajectoryResultsSection results={scores.trajectories} /> : null}

      {scores.citations.length ? <CitationResultsSection results={scores.citations} /> : null}

      {scores.grounding.models.length ? <GroundingResultsSection results={scores.grounding.models} agreement={scores.grounding.agreement} /> : null}
      {scores.regions.models.length || scores.regions.agreement.pairs ? <RegionResultsSection results={scores.regions} /> : null}
      {scores.records.models.length ? <RecordResultsSection results={scores.records.models} agreement={scores.records.agreement} /> : null}

      {scores.arguments.annotations ? <ArgumentResultsSection results={scores.arguments} /> : null}

      {scores.referenceRecall.length ? (
        <section className={`${cardClass} mb-6`} aria-label={t("recall.label")}>
          <h2 className="mb-1 font-medium">{t("recall.heading")}</h2>
          <p className="mb-3 text-xs text-slate-600">{t("recall.help")}</p>
          <table className="w-full text-start text-sm" data-testid="reference-recall">
            <thead className="text-xs text-slate-500"><tr><th className="py-1 pe-3">{t("recall.model")}</th><th className="pe-3">{t("recall.responses")}</th><th className="pe-3">{t("recall.recall")}</th><th className="pe-3">{t("recall.strict")}</th></tr></thead>
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
        <section className={cardClass} aria-label={t("gold.label")}>
          <h2 className="mb-1 font-medium">{t("gold.heading")}</h2>
          <p className="mb-3 text-xs text-slate-600">{t.rich("gold.help", { code: (c) => <code>{c}</code> })}</p>
          {gold.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="no-gold">{t("gold.none")}</p>
          ) : (
            <table className="w-full text-start text-sm" data-testid="gold-accuracy">
              <thead className="text-xs text-slate-500"><tr><th className="py-1 pe-3">{t("gold.reviewer")}</th><th className="pe-3">{t("gold.items")}</th><th className="pe-3">{t("gold.correct")}</th><th className="pe-3">{t("gold.accuracy")}</th></tr></thead>
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
