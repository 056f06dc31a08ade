"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import type { KeyboardEvent as ReactKeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { PlainText } from "@/components/ui/markdown";
import { textProps } from "@/components/ui/text-direction";
import { outOfRange, patientFacts, RECORD_SECTIONS, type PatientRecordView, type RecordSection } from "@/lib/items/record-view";

type Entry = PatientRecordView["entries"][number];

const PAGE = 300;
const SECTION_STYLE: Record<RecordSection, string> = {
  encounter: "bg-sky-100 text-sky-900", condition: "bg-violet-100 text-violet-900", lab: "bg-emerald-100 text-emerald-900", vital: "bg-teal-100 text-teal-900",
  medication: "bg-amber-100 text-amber-900", procedure: "bg-indigo-100 text-indigo-900", imaging: "bg-slate-200 text-slate-900", note: "bg-stone-100 text-stone-900",
  allergy: "bg-rose-100 text-rose-900", immunization: "bg-lime-100 text-lime-900", other: "bg-slate-100 text-slate-800",
};

const haystack = (e: Entry) => [e.date, e.section, e.title, e.value, e.unit, e.flag, e.status, e.code, e.text].filter((x) => x !== undefined).join(" ").toLowerCase();

/**
 * A long patient record as a navigable timeline (issue 13): entries by day, newest last, each with its
 * section, value, unit, reference range and flag (out of range in red), notes folded. Searchable, and
 * filtered by section and to abnormal values. With `onToggle`, an entry is a button that links it to
 * the statement being linked (pressed when linked). Keyboard: ↑/↓ between entries, Home/End, / to
 * search; Enter or Space links.
 */
export function RecordBrowser({ record, linked, onToggle, language, focusRef }: {
  record: PatientRecordView;
  linked: ReadonlySet<string>;
  onToggle: ((id: string) => void) | null;
  language?: string | null;
  /** Lets the panel scroll to and focus an entry (a linked chip clicked). */
  focusRef?: React.RefObject<((id: string) => void) | null>;
}) {
  const t = useTranslations("tools.recordLinks");
  const [query, setQuery] = useState("");
  const [sections, setSections] = useState<ReadonlySet<RecordSection>>(new Set());
  const [abnormal, setAbnormal] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const list = useRef<HTMLOListElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const text = textProps(language);

  const counts = useMemo(() => {
    const c = new Map<RecordSection, number>();
    for (const e of record.entries) c.set(e.section as RecordSection, (c.get(e.section as RecordSection) ?? 0) + 1);
    return c;
  }, [record.entries]);
  const index = useMemo(() => record.entries.map(haystack), [record.entries]);
  const filtered = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return record.entries.filter((e, i) => (!sections.size || sections.has(e.section as RecordSection)) && (!abnormal || outOfRange(e)) && words.every((w) => index[i]!.includes(w)));
  }, [record.entries, index, query, sections, abnormal]);
  const visible = filtered.slice(0, shown);

  const focusEntry = (id: string) => {
    const at = filtered.findIndex((e) => e.id === id);
    if (at === -1) {
      // Not in the current filter: clear it, then find the entry.
      setQuery("");
      setSections(new Set());
      setAbnormal(false);
    }
    setShown((n) => Math.max(n, (at === -1 ? record.entries.findIndex((e) => e.id === id) : at) + 1));
    requestAnimationFrame(() => {
      const el = list.current?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(id)}"] [data-entry-button]`);
      el?.scrollIntoView({ block: "center" });
      el?.focus();
    });
  };
  useEffect(() => {
    if (focusRef) focusRef.current = focusEntry;
  });

  const onListKey = (e: ReactKeyboardEvent<HTMLOListElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>("[data-entry-button]") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const next = e.key === "ArrowDown" ? at + 1 : e.key === "ArrowUp" ? at - 1 : e.key === "Home" ? 0 : e.key === "End" ? buttons.length - 1 : null;
    if (next === null || at === -1) return;
    e.preventDefault();
    e.stopPropagation();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  };
  const toggleSection = (s: RecordSection) => setSections((cur) => {
    const n = new Set(cur);
    if (n.has(s)) n.delete(s);
    else n.add(s);
    return n;
  });

  const dayOf = (e: Entry | undefined) => (e ? (e.date?.slice(0, 10) ?? t("undated")) : null);
  return (
    <div className="space-y-2" data-testid="record-browser" onKeyDown={(e) => {
      if (e.key === "/" && (e.target as HTMLElement).tagName !== "INPUT") {
        e.preventDefault();
        search.current?.focus();
      }
    }}>
      {record.patient ? (
        <dl className="flex flex-wrap gap-x-4 gap-y-1 rounded-md bg-slate-50 p-2 text-sm" data-testid="record-patient">
          {patientFacts(record.patient).map(([k, v]) => (
            <div key={k} className="flex gap-1"><dt className="text-slate-600"><PlainText text={k} />:</dt><dd className="font-medium"><PlainText text={v} /></dd></div>
          ))}
        </dl>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <input ref={search} type="search" value={query} onChange={(e) => { setQuery(e.target.value); setShown(PAGE); }} placeholder={t("search")} aria-label={t("search")}
          className="min-w-0 grow rounded border border-slate-300 px-2 py-1 text-sm" data-testid="record-search" />
        <label className="flex items-center gap-1 text-xs text-slate-700"><input type="checkbox" checked={abnormal} onChange={(e) => { setAbnormal(e.target.checked); setShown(PAGE); }} /> {t("abnormalOnly")}</label>
      </div>
      <div className="flex flex-wrap gap-1" role="group" aria-label={t("sections")}>
        {RECORD_SECTIONS.filter((s) => counts.get(s)).map((s) => (
          <button key={s} type="button" aria-pressed={sections.has(s)} onClick={() => { toggleSection(s); setShown(PAGE); }} data-section-filter={s}
            className={`rounded-full border px-2 py-0.5 text-xs ${sections.has(s) ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white text-slate-800"}`}>
            {t(`sectionNames.${s}`)} <span className={sections.has(s) ? "text-blue-100" : "text-slate-600"}>{counts.get(s)}</span>
          </button>
        ))}
      </div>
      <p className="text-xs text-slate-600" aria-live="polite" data-testid="record-count">{t("showing", { shown: visible.length, total: filtered.length, all: record.entries.length })}</p>
      <ol ref={list} className="max-h-[36rem] space-y-1 overflow-y-auto pe-1" onKeyDown={onListKey} aria-label={t("timeline")} data-testid="record-timeline">
        {visible.map((e, i) => {
          const day = dayOf(e);
          const heading = day !== dayOf(visible[i - 1]) ? day : null;
          const abnormalValue = outOfRange(e);
          const isLinked = linked.has(e.id);
          const body = (
            <>
              <span className={`me-1 rounded px-1 text-[11px] font-medium ${SECTION_STYLE[e.section as RecordSection] ?? SECTION_STYLE.other}`}>{t(`sectionNames.${e.section as RecordSection}`)}</span>
              <span className="font-medium" {...text}><PlainText text={e.title} /></span>
              {e.value !== undefined ? (
                <span className={`ms-1 tabular-nums ${abnormalValue ? "font-semibold text-red-700" : ""}`} data-abnormal={abnormalValue || undefined}>
                  <PlainText text={`${e.value}${e.unit ? ` ${e.unit}` : ""}`} />{e.flag ? ` (${e.flag})` : ""}
                </span>
              ) : null}
              {e.range ? <span className="ms-1 text-xs text-slate-600">[<PlainText text={e.range.text ?? `${e.range.low ?? ""}–${e.range.high ?? ""}`} />]</span> : null}
              {e.status ? <span className="ms-1 text-xs text-slate-600"><PlainText text={e.status} /></span> : null}
              {e.date && e.date.length > 10 ? <span className="ms-1 text-xs text-slate-500">{e.date.slice(11, 16)}</span> : null}
            </>
          );
          return (
            <li key={e.id} data-entry-id={e.id} className="text-sm">
              {heading ? <h4 className="sticky top-0 z-[1] mt-2 bg-white py-0.5 text-xs font-semibold text-slate-600">{heading}</h4> : null}
              <div className={`rounded border px-2 py-1 ${isLinked ? "border-blue-600 bg-blue-50" : "border-slate-200"}`}>
                {onToggle ? (
                  <button type="button" data-entry-button aria-pressed={isLinked} onClick={() => onToggle(e.id)} className="w-full text-start focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500" title={t(isLinked ? "unlink" : "link")}>
                    {body}
                  </button>
                ) : (
                  <div data-entry-button tabIndex={-1}>{body}</div>
                )}
                {e.text ? (
                  <details className="mt-0.5">
                    <summary className="cursor-pointer text-xs text-slate-600">{t(e.section === "medication" ? "dosage" : "text")}</summary>
                    <p className="whitespace-pre-line text-slate-800" {...text}><PlainText text={e.text} /></p>
                  </details>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {filtered.length > visible.length ? (
        <button type="button" className="text-sm text-blue-800 underline" onClick={() => setShown((n) => n + PAGE)}>{t("more", { count: Math.min(PAGE, filtered.length - visible.length) })}</button>
      ) : null}
    </div>
  );
}
