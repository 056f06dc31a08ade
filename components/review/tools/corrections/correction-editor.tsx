"use client";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { textDirection } from "@/lib/i18n/locales";
import { correctionStats, diffParts } from "@/lib/tools/corrections/edit-distance";
import type { ResponsePanelProps } from "../types";

// The corrections tool's panel (decision 030): in each response's card, the reviewer writes the answer
// the model should have given, starting from the model's own text, and sees it as a word diff against
// the original. The text is part of the annotation document: autosaved, versioned, conflict-checked.
// The answer's text (box and diff) keeps the item language's direction; dir="auto" when it is unknown.

export function CorrectionEditor({ response, data, update, problemAt, language }: ResponsePanelProps) {
  const t = useTranslations("tools.corrections");
  const dir = textDirection(language);
  const original = response.contentText ?? "";
  const correction = data.corrections?.[response.id];
  const setContent = (content: string | null) => {
    const next = { ...(data.corrections ?? {}) };
    if (content === null) delete next[response.id];
    else next[response.id] = { content };
    update({ ...data, corrections: next });
  };
  const problem = problemAt.get(`corrections.${response.id}`);
  if (!correction) {
    return (
      <div className="mt-3 border-t border-slate-100 pt-2">
        <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50" onClick={() => setContent(original)} data-testid={`correct-${response.id}`}>
          {t("write")}
        </button>
        {problem ? <p className="mt-1 text-sm text-red-700" role="alert">{problem}</p> : null}
      </div>
    );
  }
  return (
    <section className="mt-3 space-y-2 border-t border-slate-100 pt-2" aria-label={t("sectionLabel", { response: response.displayLabel })} data-testid="correction">
      <div className="flex items-center justify-between gap-2">
        <label className="text-sm font-medium" htmlFor={`correction-${response.id}`}>{t("label")}</label>
        <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => setContent(null)}>{t("remove")}</button>
      </div>
      <textarea id={`correction-${response.id}`} dir={dir} className="w-full rounded border border-slate-300 p-2 font-mono text-sm" rows={Math.min(16, Math.max(4, correction.content.split("\n").length + 1))}
        value={correction.content} maxLength={100_000} onChange={(e) => setContent(e.target.value)} />
      {problem ? <p className="text-sm text-red-700" role="alert">{problem}</p> : null}
      <CorrectionDiff original={original} corrected={correction.content} dir={dir} />
    </section>
  );
}

function CorrectionDiff({ original, corrected, dir }: { original: string; corrected: string; dir: "ltr" | "rtl" | "auto" }) {
  const t = useTranslations("tools.corrections");
  const { parts, stats } = useMemo(() => ({ parts: diffParts(original, corrected), stats: correctionStats(original, corrected) }), [original, corrected]);
  return (
    <details className="text-sm" open data-testid="correction-diff">
      <summary className="cursor-pointer text-xs text-slate-600" data-testid="correction-stats">
        {stats.normalized !== null
          ? t("changesShare", { count: stats.editDistance, percent: Math.round(stats.normalized * 100), tokens: stats.originalTokens })
          : t("changes", { count: stats.editDistance })}
      </summary>
      <p dir={dir} className="mt-1 whitespace-pre-wrap rounded border border-slate-200 bg-slate-50 p-2 text-sm leading-relaxed">
        {parts.map((p, i) =>
          p.kind === "added" ? <ins key={i} className="bg-green-100 text-green-900 underline" title={t("added")}>{p.text}</ins>
          : p.kind === "removed" ? <del key={i} className="bg-red-100 text-red-900" title={t("removed")}>{p.text}</del>
          : <span key={i}>{p.text}</span>,
        )}
      </p>
      <p className="mt-1 text-xs text-slate-500">{t("legend")}</p>
    </details>
  );
}
