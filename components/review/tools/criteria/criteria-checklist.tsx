"use client";
import { useTranslations } from "next-intl";
import { textDirection } from "@/lib/i18n/locales";
import type { ReviewCriterion } from "@/lib/assignments/load-for-review";
import type { CriterionMark } from "@/lib/annotations/schema";
import { PlainText } from "@/components/ui/markdown";
import { navClass } from "../../axis-input";

/**
 * Case criteria (HealthBench style): each one met / not met, with an optional note. A negative
 * criterion describes behaviour to avoid: "met" means the response does the bad thing.
 */
export function CriteriaChecklist({ responseId, criteria, marks, onChange, problem, noteFor, language }: {
  responseId: string;
  criteria: ReviewCriterion[];
  marks: Record<string, CriterionMark>;
  onChange: (criterionId: string, mark: CriterionMark) => void;
  problem?: string;
  /** Under a criterion's marks: its suggestion, once shown. */
  noteFor?: (criterionId: string) => React.ReactNode;
  /** The item's language: the criteria's text direction (dir="auto" when unknown). */
  language?: string | null;
}) {
  const t = useTranslations("tools.criteria");
  const done = criteria.filter((c) => typeof marks[c.id]?.met === "boolean").length;
  return (
    <div className={`mt-4 rounded-md border p-3 ${problem ? "border-red-400" : "border-slate-200"}`} data-testid="criteria">
      <p className="mb-2 flex justify-between text-sm font-medium">
        <span>{t("heading")}</span>
        <span className="text-xs font-normal text-slate-600" data-testid="criteria-progress">{t("progress", { done, total: criteria.length })}</span>
      </p>
      <ol className="space-y-2">
        {criteria.map((c, i) => {
          const mark = marks[c.id] ?? { met: null };
          return (
            <li key={c.id} className={`rounded border p-2 ${navClass} ${c.points < 0 ? "border-rose-200 bg-rose-50/40" : "border-slate-200"}`} data-nav="criterion" data-criterion={i + 1} tabIndex={-1}>
              <p className="whitespace-pre-line text-sm" dir={textDirection(language)}>
                <span className={`me-2 inline-block rounded px-1.5 text-xs font-semibold ${c.points < 0 ? "bg-rose-100 text-rose-800" : "bg-emerald-100 text-emerald-800"}`} title={c.points < 0 ? t("undesirable") : t("desirable")}>
                  {c.points > 0 ? `+${c.points}` : c.points}
                </span>
                <PlainText text={c.text} />
              </p>
              {c.tags.length ? <p className="mt-0.5 text-xs text-slate-500"><PlainText text={c.tags.map((tag) => tag.replace(/^axis:/, "")).join(", ")} /></p> : null}
              <div className="mt-1 flex flex-wrap items-center gap-2" role="radiogroup" aria-label={t("criterionLabel", { n: i + 1 })}>
                {([true, false] as const).map((met) => (
                  <label key={String(met)} className={`cursor-pointer rounded-md border px-2.5 py-1 text-xs has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 ${mark.met === met ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white"}`}>
                    <input type="radio" className="sr-only" name={`${responseId}-criterion-${c.id}`} checked={mark.met === met} data-option data-key={met ? "y" : "n"}
                      onChange={() => onChange(c.id, { ...mark, met })} />
                    {met ? t("met") : t("notMet")}
                  </label>
                ))}
                <details className="grow" open={Boolean(mark.note)} data-comment>
                  <summary className="cursor-pointer text-xs text-slate-500">{t("note")}</summary>
                  <textarea className="mt-1 w-full rounded border border-slate-300 p-1 text-xs" rows={2} aria-label={t("noteLabel", { n: i + 1 })}
                    value={mark.note ?? ""} onChange={(e) => onChange(c.id, { ...mark, note: e.target.value })} />
                </details>
              </div>
              {noteFor?.(c.id)}
            </li>
          );
        })}
      </ol>
      {problem ? <p className="mt-1 text-xs text-red-700">{problem}</p> : null}
    </div>
  );
}
