"use client";
import { useTranslations } from "next-intl";
import { PlainText } from "@/components/ui/markdown";
import { textDirection } from "@/lib/i18n/locales";
import { COVERAGE, type Coverage } from "@/lib/tools/references/statements";
import { navClass } from "../../axis-input";

const KEYS: Record<Coverage, string> = { covered: "1", partial: "2", not_covered: "3" };

/**
 * Reference reasoning statements (MedCaseReasoning): for one response, each statement covered, partly
 * covered or not covered by its reasoning. Each statement is a keyboard block (J/K to move, 1–3).
 */
export function StatementCoverage({ responseId, statements, marks, onChange, problem, language }: {
  responseId: string;
  statements: string[];
  marks: Record<string, Coverage>;
  onChange: (index: number, coverage: Coverage) => void;
  problem?: string;
  /** The item's language: the statements' text direction (dir="auto" when unknown). */
  language?: string | null;
}) {
  const t = useTranslations("tools.references");
  const done = statements.filter((_, i) => marks[String(i)]).length;
  return (
    <div className={`mt-4 rounded-md border p-3 ${problem ? "border-red-400" : "border-slate-200"}`} data-testid="reference-statements">
      <p className="mb-2 flex justify-between text-sm font-medium">
        <span>{t("heading")}</span>
        <span className="text-xs font-normal text-slate-600" data-testid="statements-progress">{t("progress", { done, total: statements.length })}</span>
      </p>
      <ol className="space-y-2">
        {statements.map((text, i) => (
          <li key={i} className={`rounded border border-slate-200 p-2 ${navClass}`} data-nav="statement" data-statement={i + 1} tabIndex={-1}>
            <p className="whitespace-pre-line text-sm" dir={textDirection(language)}><span className="me-2 font-mono text-xs text-slate-500">{i + 1}.</span><PlainText text={text} /></p>
            <div className="mt-1 flex flex-wrap gap-2" role="radiogroup" aria-label={t("statementLabel", { n: i + 1 })}>
              {COVERAGE.map((c) => (
                <label key={c} className={`cursor-pointer rounded-md border px-2.5 py-1 text-xs has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 ${marks[String(i)] === c ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white"}`}>
                  <input type="radio" className="sr-only" name={`${responseId}-statement-${i}`} checked={marks[String(i)] === c} data-option onChange={() => onChange(i, c)} />
                  <span className="me-1 hidden text-slate-400 sm:inline" aria-hidden>{KEYS[c]}</span>
                  {t(`coverage.${c}`)}
                </label>
              ))}
            </div>
          </li>
        ))}
      </ol>
      {problem ? <p className="mt-1 text-xs text-red-700">{problem}</p> : null}
    </div>
  );
}
