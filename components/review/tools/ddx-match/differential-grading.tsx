"use client";
import { useTranslations } from "next-intl";
import { textDirection } from "@/lib/i18n/locales";
import type { ReviewResponse } from "@/lib/assignments/load-for-review";
import type { DdxEntryMark } from "@/lib/annotations/schema";
import { DDX_MATCHES } from "@/lib/ddx/matches";
import { Markdown, PlainText } from "@/components/ui/markdown";
import { navClass } from "../../axis-input";

/**
 * AMIE-style grading of a ranked differential: each entry against the case's ground truth. Each
 * entry is a keyboard block (J/K to move, 1–4 to choose), like a rubric axis.
 */
export function DifferentialGrading({ response, marks, onChange, problem, language }: {
  response: ReviewResponse;
  marks: Record<string, DdxEntryMark>;
  onChange: (rank: number, mark: DdxEntryMark) => void;
  problem?: string;
  /** The item's language: the diagnoses' text direction (dir="auto" when unknown). */
  language?: string | null;
}) {
  const t = useTranslations("tools.ddxMatch");
  const entries = response.differential ?? [];
  const done = entries.filter((_, rank) => marks[String(rank)]?.match).length;
  return (
    <div className={`mb-2 rounded-md border p-3 ${problem ? "border-red-400" : "border-slate-200"}`} data-testid="differential-grading">
      <p className="mb-2 flex justify-between text-sm font-medium">
        <span>{t("heading")}</span>
        <span className="text-xs font-normal text-slate-600" data-testid="entries-progress">{t("progress", { done, total: entries.length })}</span>
      </p>
      <ol className="space-y-2">
        {entries.map((entry, rank) => {
          const mark = marks[String(rank)] ?? { match: null };
          return (
            <li key={rank} className={`rounded border border-slate-200 p-2 ${navClass}`} data-nav="entry" data-rank={rank + 1} tabIndex={-1}>
              <p className="text-sm" dir={textDirection(language)}><span className="me-2 font-mono text-xs text-slate-500">{rank + 1}.</span><span className="font-medium"><PlainText text={entry.diagnosis} /></span></p>
              {entry.rationaleHtml ? <Markdown html={entry.rationaleHtml} className="ms-6 text-xs text-slate-700" /> : null}
              <div className="mt-1 flex flex-wrap gap-1.5" role="radiogroup" aria-label={t("entryLabel", { n: rank + 1, diagnosis: entry.diagnosis })}>
                {DDX_MATCHES.map((match, i) => (
                  <label key={match} className={`cursor-pointer rounded-md border px-2 py-0.5 text-xs has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 ${mark.match === match ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white"}`}>
                    <input type="radio" className="sr-only" name={`${response.id}-entry-${rank}`} checked={mark.match === match} data-option
                      onChange={() => onChange(rank, { ...mark, match })} />
                    <span className="me-1 text-slate-400" aria-hidden>{i + 1}</span>
                    {t(`matches.${match}`)}
                  </label>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      {problem ? <p className="mt-1 text-xs text-red-700">{problem}</p> : null}
    </div>
  );
}
