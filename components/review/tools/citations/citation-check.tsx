"use client";
import { useTranslations } from "next-intl";
import { PlainText } from "@/components/ui/markdown";
import { textDirection } from "@/lib/i18n/locales";
import { CITATION_MARKS, type CitationMark } from "@/lib/tools/citations/marks";
import type { CitationCheck } from "@/lib/tools/citations/schema";
import { navClass } from "../../axis-input";
import type { ResponsePanelProps } from "../types";

const KEYS: Record<CitationMark, string> = { supports: "1", partial: "2", not_supported: "3", not_found: "4" };

/**
 * The sources a response cites (issue 13): for each, the claim it backs, what it cites and the
 * passage, and the reviewer's check — supports, partly, does not support, not found (fabricated).
 * Each citation is a keyboard block (J/K, 1–4). Addresses are shown as text, never as links: they
 * come from the model and may point anywhere.
 */
export function CitationChecks({ response, data, update, problemAt, language }: ResponsePanelProps) {
  const t = useTranslations("tools.citations");
  const cited = response.citations;
  if (!cited?.length) return null;
  const marks = data.citations?.[response.id] ?? {};
  const set = (i: number, patch: Partial<CitationCheck>) => update({ ...data, citations: { ...data.citations, [response.id]: { ...marks, [String(i)]: { ...marks[String(i)], ...patch } } } });
  const done = cited.filter((_, i) => marks[String(i)]?.mark).length;
  const problem = problemAt.get(`citations.${response.id}`);
  const dir = textDirection(language);
  return (
    <div className={`rounded-md border p-3 ${problem ? "border-red-400" : "border-slate-200"}`} data-testid="citation-checks">
      <p className="mb-2 flex justify-between text-sm font-medium">
        <span>{t("heading")}</span>
        <span className="text-xs font-normal text-slate-600" data-testid="citations-progress">{t("progress", { done, total: cited.length })}</span>
      </p>
      <ol className="space-y-2">
        {cited.map((c, i) => (
          <li key={i} className={`rounded border border-slate-200 p-2 text-sm ${navClass}`} data-nav="citation" data-citation={i + 1} tabIndex={-1}>
            <div data-testid="citation-text">
              {c.claim ? <p dir={dir}><span className="me-2 font-mono text-xs text-slate-500">{i + 1}.</span><span className="text-xs text-slate-600">{t("claim")}</span> <q><PlainText text={c.claim} /></q></p> : null}
              <p className="mt-0.5"><span className="text-xs text-slate-600">{t("source")}</span> <cite dir="auto"><PlainText text={c.title} /></cite>
                {[c.doi ? `doi:${c.doi}` : null, c.pmid ? `PMID ${c.pmid}` : null, c.url ?? null].filter(Boolean).map((ref) => <span key={ref} className="ms-2 break-all font-mono text-xs text-slate-600" dir="ltr"><PlainText text={ref!} /></span>)}
              </p>
              {c.passage ? (
                <blockquote className="mt-1 max-h-48 overflow-auto whitespace-pre-line border-s-2 border-slate-300 ps-2 text-slate-700" dir={dir}><PlainText text={c.passage} /></blockquote>
              ) : <p className="mt-1 text-xs text-slate-600">{t("noPassage")}</p>}
            </div>
            <div className="mt-1 flex flex-wrap gap-2" role="radiogroup" aria-label={t("markLabel", { n: i + 1 })}>
              {CITATION_MARKS.map((m) => (
                <label key={m} className={`cursor-pointer rounded-md border px-2.5 py-1 text-xs has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 ${marks[String(i)]?.mark === m ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white"}`} title={t(`marks.${m}.help`)}>
                  <input type="radio" className="sr-only" name={`${response.id}-citation-${i}`} checked={marks[String(i)]?.mark === m} data-option onChange={() => set(i, { mark: m })} />
                  <span className="me-1 hidden text-slate-400 sm:inline" aria-hidden>{KEYS[m]}</span>
                  {t(`marks.${m}.label`)}
                </label>
              ))}
            </div>
            <details className="mt-1" data-open-key="c" open={Boolean(marks[String(i)]?.note)}>
              <summary className="cursor-pointer text-xs text-slate-600">{t("note")}</summary>
              <textarea className="mt-1 w-full rounded border border-slate-300 p-1 text-xs" rows={2} aria-label={t("noteLabel", { n: i + 1 })} maxLength={20_000} value={marks[String(i)]?.note ?? ""} onChange={(e) => set(i, { note: e.target.value })} />
            </details>
          </li>
        ))}
      </ol>
      {problem ? <p className="mt-1 text-xs text-red-700">{problem}</p> : null}
    </div>
  );
}
