"use client";
import { useTranslations } from "next-intl";
import type { ReviewAxis, ReviewResponse } from "@/lib/assignments/load-for-review";
import type { PairBlock, RatingValue } from "@/lib/annotations/schema";
import { cardClass } from "@/components/ui/styles";
import { AxisInput } from "../../axis-input";

/**
 * Pairwise axes (A / tie / B as published). The screen shows A and B in this reviewer's
 * randomized order; what is stored is the chosen Response.id (or "tie"), so exports report
 * preferences in terms of the real responses.
 */

/** Strength levels 1–3 when the project asks (lib/projects/labels.ts PAIR_STRENGTH_LABELS, in the reviewer's language). */
const STRENGTHS = ["slightly", "clearly", "much"] as const;

export function PairwisePanel({ axes, pair, block, strength, problemAt, onChange, path = "pair", pairKey, position }: {
  axes: ReviewAxis[];
  pair: [ReviewResponse, ReviewResponse];
  block: PairBlock;
  strength: boolean;
  problemAt: Map<string, string>;
  onChange: (block: PairBlock) => void;
  /** Where the server reports this pair's problems: "pair", or "morePairs.<key>" for the other pairs (decision 035). */
  path?: string;
  /** The other pairs' key ("<left id>~<right id>"), for problem links and tests. */
  pairKey?: string;
  /** This pair's place (from 1) among all the pairs of several responses compared (decision 035). */
  position?: { index: number; total: number };
}) {
  const t = useTranslations("tools.pairwise");
  const [a, b] = pair;
  const toScreen = (stored: RatingValue | undefined) => (stored === a.id ? "A" : stored === b.id ? "B" : stored);
  const toStored = (screen: RatingValue | undefined) => (screen === "A" ? a.id : screen === "B" ? b.id : screen);
  // Neutral labels: the axis question says what choosing means ("which answer is better / more harmful").
  const labels = { A: a.displayLabel, B: b.displayLabel, tie: t("tie") };
  return (
    <section className={cardClass} aria-label={t("label", { a: a.displayLabel, b: b.displayLabel })} data-testid="pairwise" data-pair={pairKey ?? "first"}>
      <h2 className="mb-1 font-semibold">{t("heading", { a: a.displayLabel, b: b.displayLabel })}{position ? <span className="ms-2 text-xs font-normal text-slate-500">{t("position", position)}</span> : null}</h2>
      <p className="mb-3 text-xs text-slate-600">{t("help")}</p>
      <div className="space-y-3">
        {axes.map((axis) => {
          const chosen = block.ratings[axis.key];
          return (
            <div key={axis.key}>
              <AxisInput
                axis={axis}
                badge={axis.polarity === "CHOSEN_IS_WORSE" ? t("choosingWorse") : undefined}
                name={`${pairKey ?? "pair"}-${axis.key}`}
                value={toScreen(chosen)}
                comment={block.comments[axis.key] ?? ""}
                optionLabels={labels}
                onChange={(v) => onChange({ ...block, ratings: { ...block.ratings, [axis.key]: toStored(v) ?? null } })}
                onComment={(t) => onChange({ ...block, comments: { ...block.comments, [axis.key]: t } })}
                problem={problemAt.get(`${path}.ratings.${axis.key}`)}
              />
              {strength && chosen && chosen !== "tie" ? (
                <div className="mt-1 flex items-center gap-2 ps-3 text-xs" role="radiogroup" aria-label={t("strengthLabel", { axis: axis.label })}>
                  <span className="text-slate-600">{t("howStrong")}</span>
                  {STRENGTHS.map((level, i) => (
                    <label key={level} className={`cursor-pointer rounded border px-2 py-0.5 has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 ${block.strength[axis.key] === i + 1 ? "border-blue-600 bg-blue-50" : "border-slate-300"}`}>
                      <input type="radio" className="sr-only" name={`${pairKey ?? "pair"}-${axis.key}-strength`} checked={block.strength[axis.key] === i + 1}
                        onChange={() => onChange({ ...block, strength: { ...block.strength, [axis.key]: i + 1 } })} />
                      {t(`strength.${level}`)}
                    </label>
                  ))}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
