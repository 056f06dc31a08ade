import { cardClass } from "@/components/ui/styles";
import type { SuggestionCondition, SuggestionResults } from "@/lib/tools/suggestions/results";

const CONDITION_LABELS: Record<SuggestionCondition, string> = {
  none: "No suggestion shown",
  own: "Own answer, before the suggestion appeared",
  after: "Final answer, after seeing it",
  prefilled: "Pre-filled suggestion, final answer",
};

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(0)} %`);
const coef = (x: number | null) => (x === null ? "—" : x.toFixed(2));

/** Agreement with and without suggestions (decision 034): per axis and condition. */
export function SuggestionResultsSection({ results }: { results: SuggestionResults }) {
  if (!results.axes.length) return null;
  return (
    <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label="Suggestions">
      <h2 className="mb-1 font-medium">Suggestions: agreement with and without them</h2>
      <p className="mb-3 text-xs text-slate-600">
        Each reviewer answer to a suggested axis or criterion, by what the reviewer had seen: no suggestion (suggestions off, a study arm&apos;s
        unassisted phase), their own answer before an after-rating suggestion appeared and their final answer after it, or a pre-filled
        suggestion. &ldquo;Same as the judge&rdquo; is the share equal to the judge&apos;s value (95 % Wilson interval); agreement is between
        reviewers on the same response in the same condition (Krippendorff&apos;s alpha and pairwise percent agreement). A gap between the
        first two rows and the last two is the suggestions&apos; pull (anchoring).
      </p>
      <table className="w-full text-start text-sm" data-testid="suggestion-results">
        <thead className="text-xs text-slate-500">
          <tr><th className="py-1 pe-3">Axis</th><th className="pe-3">Condition</th><th className="pe-3">Answers</th><th className="pe-3">Same as the judge</th><th className="pe-3">α</th><th className="pe-3">Agreement</th><th className="pe-3">Pre-filled kept / changed</th><th className="pe-3">Own answer differed → took the suggestion</th></tr>
        </thead>
        <tbody>
          {results.axes.flatMap((axis) =>
            axis.conditions.map((c, i) => (
              <tr key={`${axis.key}-${c.condition}`} className={i === 0 ? "border-t border-slate-200" : ""} data-axis={axis.key} data-condition={c.condition}>
                <td className="py-1 pe-3 font-medium">{i === 0 ? axis.label : ""}</td>
                <td className="pe-3">{CONDITION_LABELS[c.condition]}</td>
                <td className="pe-3 tabular-nums">{c.values}</td>
                <td className="pe-3 tabular-nums">{pct(c.matchesJudge.share)}{c.matchesJudge.low !== null && c.matchesJudge.high !== null ? <span className="text-xs text-slate-500"> ({pct(c.matchesJudge.low)}–{pct(c.matchesJudge.high)})</span> : null}</td>
                <td className="pe-3 tabular-nums">{coef(c.alpha)}</td>
                <td className="pe-3 tabular-nums">{pct(c.percentAgreement)}</td>
                <td className="pe-3 tabular-nums">{i === 0 ? `${axis.accepted} / ${axis.changed}` : ""}</td>
                <td className="pe-3 tabular-nums">{i === 0 ? `${axis.ownDiffered} → ${axis.revisedToSuggestion}` : ""}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
