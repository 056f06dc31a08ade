"use client";
import { useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { PlainText } from "@/components/ui/markdown";
import type { ArgumentAnnotation } from "@/lib/formats/argument-types";
import { needsEntries, statementLabelSet, type StatementVerdict } from "@/lib/tools/record-links/labels";
import { ArgumentAnnotator } from "../arguments/argument-annotator";
import { useResponseName } from "../../response-name";
import type { ToolPanelProps } from "../types";
import { RecordBrowser } from "./record-browser";

const EMPTY: ArgumentAnnotation = { spans: [], relations: [] };

/**
 * A patient record beside the models' outputs (issue 13). In an output the reviewer marks each
 * statement with what the record says of it — supported (Y), contradicted (X), nothing (N), with the
 * span annotator by mouse or caret — and, with the statement selected, clicks (or Enter on) the record
 * entries it rests on. Linked entries show as chips under the statement; a chip leads to its entry.
 */
export function RecordLinksPanel({ data, update, record, responses, problemAt, readOnly, language }: ToolPanelProps) {
  const t = useTranslations("tools.recordLinks");
  const responseName = useResponseName();
  const labels = useMemo(() => statementLabelSet((k) => t(`verdicts.${k}`)), [t]);
  const outputs = responses.filter((r) => r.recordOutput !== undefined);
  const [current, setCurrent] = useState(outputs[0]?.id ?? "");
  const [active, setActive] = useState<string | null>(null);
  const focusEntry = useRef<((id: string) => void) | null>(null);
  if (!record || !outputs.length) return null;
  const response = outputs.find((r) => r.id === current) ?? outputs[0]!;
  const block = data.recordLinks?.[response.id] ?? {};
  const output = block.output ?? EMPTY;
  const entries = block.entries ?? {};
  const byId = new Map(record.entries.map((e) => [e.id, e]));
  const activeSpan = output.spans.find((s) => s.id === active) ?? null;

  const write = (next: { output?: ArgumentAnnotation; entries?: Record<string, string[]> }) =>
    update({ ...data, recordLinks: { ...data.recordLinks, [response.id]: { ...block, ...next } } });
  const setOutput = (next: ArgumentAnnotation) => {
    // A statement removed takes its links with it.
    const kept = new Set(next.spans.map((s) => s.id));
    write({ output: next, entries: Object.fromEntries(Object.entries(entries).filter(([id]) => kept.has(id))) });
  };
  const toggle = (entryId: string) => {
    if (!activeSpan) return;
    const list = entries[activeSpan.id] ?? [];
    write({ entries: { ...entries, [activeSpan.id]: list.includes(entryId) ? list.filter((x) => x !== entryId) : [...list, entryId] } });
  };
  const problem = (part: string) => [...problemAt].find(([path]) => path.startsWith(`recordLinks.${response.id}.${part}`) || path === `recordLinks.${response.id}`)?.[1];
  const statements = [...output.spans].sort((a, b) => a.start - b.start);

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t("heading")} data-testid="record-links-panel">
      <h2 className="text-sm font-semibold">{t("heading")}</h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-medium">{t("record")}</h3>
          <RecordBrowser record={record} linked={new Set(activeSpan ? (entries[activeSpan.id] ?? []) : [])} onToggle={readOnly || !activeSpan ? null : toggle} language={language} focusRef={focusEntry} />
        </div>
        <div className="space-y-2">
          {outputs.length > 1 ? (
            <div role="tablist" aria-label={t("outputs")} className="flex gap-1">
              {outputs.map((r) => (
                <button key={r.id} type="button" role="tab" aria-selected={r.id === response.id} onClick={() => { setCurrent(r.id); setActive(null); }}
                  className={`rounded-md border px-2 py-1 text-sm ${r.id === response.id ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white"}`}>
                  {responseName(r.displayLabel)}
                </button>
              ))}
            </div>
          ) : null}
          <ArgumentAnnotator key={response.id} targetKey={`recordLinks.${response.id}.output`} title={t("output", { name: responseName(response.displayLabel) })} text={response.recordOutput!} annotation={output} labelSet={labels}
            onChange={readOnly ? () => undefined : setOutput} problem={problem("output")} language={language} onSpanSelect={setActive} />
          <p className="text-xs text-slate-600">{activeSpan ? t("linking", { text: activeSpan.text.slice(0, 80) }) : t("hint")}</p>
          <ol className="space-y-1" data-testid="record-statements">
            {statements.map((s, n) => {
              const linked = entries[s.id] ?? [];
              const missing = needsEntries(s.label) && !linked.length;
              return (
                <li key={s.id} data-statement={n + 1} className={`rounded border p-1.5 text-sm ${s.id === active ? "border-blue-600 bg-blue-50" : missing && problem(`entries.${s.id}`) ? "border-red-400" : "border-slate-200"}`}>
                  <p>
                    <span className="me-1 rounded px-1 text-[11px] font-medium text-white" style={{ background: labels.labels.find((l) => l.key === s.label)?.color }}>{t(`verdicts.${s.label as StatementVerdict}`)}</span>
                    <button type="button" className="text-start underline-offset-2 hover:underline" aria-pressed={s.id === active} onClick={() => setActive(s.id)} title={t("select")}><q dir="auto"><PlainText text={s.text} /></q></button>
                  </p>
                  <div className="mt-1 flex flex-wrap items-center gap-1">
                    {linked.map((id) => (
                      <span key={id} className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs" data-linked-entry={id}>
                        <button type="button" className="underline-offset-2 hover:underline" onClick={() => focusEntry.current?.(id)}><PlainText text={byId.get(id)?.title ?? id} />{byId.get(id)?.date ? ` · ${byId.get(id)!.date!.slice(0, 10)}` : ""}</button>
                        {readOnly ? null : <button type="button" aria-label={t("unlinkEntry", { title: byId.get(id)?.title ?? id })} onClick={() => write({ entries: { ...entries, [s.id]: linked.filter((x) => x !== id) } })}>×</button>}
                      </span>
                    ))}
                    {missing ? <span className="text-xs text-amber-800">{t("needsEntries")}</span> : null}
                  </div>
                  {problem(`entries.${s.id}`) ? <p className="text-xs text-red-700" role="alert">{problem(`entries.${s.id}`)}</p> : null}
                </li>
              );
            })}
          </ol>
        </div>
      </div>
    </section>
  );
}
