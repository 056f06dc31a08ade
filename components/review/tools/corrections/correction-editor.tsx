"use client";
import { useMemo } from "react";
import { correctionStats, diffParts } from "@/lib/tools/corrections/edit-distance";
import type { ResponsePanelProps } from "../types";

// The corrections tool's panel (decision 030): in each response's card, the reviewer writes the answer
// the model should have given, starting from the model's own text, and sees it as a word diff against
// the original. The text is part of the annotation document: autosaved, versioned, conflict-checked.

export function CorrectionEditor({ response, data, update, problemAt }: ResponsePanelProps) {
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
          Write a corrected answer
        </button>
        {problem ? <p className="mt-1 text-sm text-red-700" role="alert">{problem}</p> : null}
      </div>
    );
  }
  return (
    <section className="mt-3 space-y-2 border-t border-slate-100 pt-2" aria-label={`${response.displayLabel}: corrected answer`} data-testid="correction">
      <div className="flex items-center justify-between gap-2">
        <label className="text-sm font-medium" htmlFor={`correction-${response.id}`}>Corrected answer (what the model should have said)</label>
        <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => setContent(null)}>Remove correction</button>
      </div>
      <textarea id={`correction-${response.id}`} className="w-full rounded border border-slate-300 p-2 font-mono text-sm" rows={Math.min(16, Math.max(4, correction.content.split("\n").length + 1))}
        value={correction.content} maxLength={100_000} onChange={(e) => setContent(e.target.value)} />
      {problem ? <p className="text-sm text-red-700" role="alert">{problem}</p> : null}
      <CorrectionDiff original={original} corrected={correction.content} />
    </section>
  );
}

function CorrectionDiff({ original, corrected }: { original: string; corrected: string }) {
  const { parts, stats } = useMemo(() => ({ parts: diffParts(original, corrected), stats: correctionStats(original, corrected) }), [original, corrected]);
  return (
    <details className="text-sm" open data-testid="correction-diff">
      <summary className="cursor-pointer text-xs text-slate-600" data-testid="correction-stats">
        Changes: {stats.editDistance} word{stats.editDistance === 1 ? "" : "s"} edited
        {stats.normalized !== null ? ` (${Math.round(stats.normalized * 100)} % of ${stats.originalTokens})` : ""}
      </summary>
      <p className="mt-1 whitespace-pre-wrap rounded border border-slate-200 bg-slate-50 p-2 text-sm leading-relaxed">
        {parts.map((p, i) =>
          p.kind === "added" ? <ins key={i} className="bg-green-100 text-green-900 underline" title="added">{p.text}</ins>
          : p.kind === "removed" ? <del key={i} className="bg-red-100 text-red-900" title="removed">{p.text}</del>
          : <span key={i}>{p.text}</span>,
        )}
      </p>
      <p className="mt-1 text-xs text-slate-500">Added text is underlined in green, removed text struck through in red.</p>
    </details>
  );
}
