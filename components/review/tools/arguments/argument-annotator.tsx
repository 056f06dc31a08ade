"use client";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { textDirection as languageDirection } from "@/lib/i18n/locales";
import type { ArgumentAnnotation, ArgumentRelation, LabelSet } from "@/lib/formats/argument-types";
import { createOffsetIndex, sliceCodePoints } from "@/lib/formats/offsets";
import { navClass } from "../../axis-input";
import { ArcLayer, type Anchor } from "./arc-layer";
import { domPointToIndex, rangeRects } from "./dom-offsets";
import { addRelation, addSpan, allowedRelations, deleteRelation, deleteSpan, isEditProblem, relabelSpan, type EditProblem } from "./edit-annotation";
import { RelationList } from "./relation-list";
import { blocksOf, layoutSpans, spanAt } from "./span-layout";
import { TextLayer } from "./text-layer";
import { extendFocus, graphemeBoundaries, isForwardArrow, moveCaret, selectionToSpan, textDirection, textUnits } from "./text-units";

// One text's span and relation annotator (DESIGN.md tool 5). Mouse: select text, then a label
// button or key; click a span to select it; drag a span's tag onto another span to relate them.
// Keyboard (the block has the focus): ← → move a caret word by word, Shift+← → extend the
// selection, a label's key labels it (or relabels the selected span), [ ] step through spans,
// R then 1–9 starts a relation of that type, [ ] pick its target, Space creates it; Delete removes
// the selected span or relation; Esc cancels. Every change goes through `onChange` into the
// autosaved document. Offsets are code points of the stored text (decision 011).
// Direction: the text layer takes the item's language's direction (dir="auto" when it is unknown),
// and ← → follow it; positions of the overlay and the arcs are measured (DOM rects), so they hold
// in right-to-left text as in left-to-right.

type Sel = { anchor: number; focus: number };
type RelationDraft = { from: string; type?: string; to?: string };
type Rect = { left: number; top: number; width: number; height: number };

export type AnnotatorProps = {
  targetKey: string;
  title: string;
  text: string;
  annotation: ArgumentAnnotation;
  labelSet: LabelSet;
  onChange: (next: ArgumentAnnotation) => void;
  problem?: string;
  /** Shown while the reviewer has not changed the imported pre-annotation. */
  preAnnotated?: boolean;
  /** The item's language (BCP 47): the text's direction; missing, the text's first strong letter decides. */
  language?: string | null;
  /** Told which span is selected (null: none), for tools that act on it (the record links). */
  onSpanSelect?: (spanId: string | null) => void;
};

export function ArgumentAnnotator({ targetKey, title, text, annotation, labelSet, onChange, problem, preAnnotated, language, onSpanSelect }: AnnotatorProps) {
  const t = useTranslations("tools.arguments");
  const block = useRef<HTMLDivElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const [sel, setSel] = useState<Sel | null>(null);
  const [spanId, setSpanId] = useState<string | null>(null);
  const spanSelect = useRef(onSpanSelect);
  useEffect(() => {
    spanSelect.current = onSpanSelect;
  });
  useEffect(() => spanSelect.current?.(spanId), [spanId]);
  const [relationId, setRelationId] = useState<string | null>(null);
  const [draft, setDraft] = useState<RelationDraft | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<{ sel: Rect[]; caret: boolean; span: Rect[]; target: Rect[] }>({ sel: [], caret: false, span: [], target: [] });
  const [anchors, setAnchors] = useState<{ map: Map<string, Anchor>; width: number; height: number }>({ map: new Map(), width: 0, height: 0 });
  const [drag, setDrag] = useState<{ from: string; at: Anchor } | null>(null);

  const index = useMemo(() => createOffsetIndex(text), [text]);
  const units = useMemo(() => textUnits(text), [text]);
  const boundaries = useMemo(() => graphemeBoundaries(text), [text]);
  // The layer's dir: the language's direction, else "auto" (the browser decides as textDirection does).
  const dir = languageDirection(language);
  const direction = useMemo(() => (dir === "auto" ? textDirection(text) : dir), [dir, text]);
  const layout = useMemo(() => layoutSpans(text, annotation.spans), [text, annotation.spans]);
  const blocks = useMemo(() => blocksOf(text, layout), [text, layout]);
  const pieces = useMemo(() => blocks.flatMap((b) => b.pieces), [blocks]);
  const labels = useMemo(() => new Map(labelSet.labels.map((l) => [l.key, l])), [labelSet]);
  const colorOf = useCallback((label: string) => labels.get(label)?.color ?? "#64748b", [labels]);
  const nameOf = useCallback((label: string) => labels.get(label)?.name ?? label, [labels]);
  const spanById = useMemo(() => new Map(annotation.spans.map((s) => [s.id, s])), [annotation.spans]);

  const isLocked = () => Boolean(block.current?.closest("fieldset:disabled"));
  const problemText = (p: EditProblem) => t(`problems.${p.problem}`, p);
  const change = (next: ArgumentAnnotation | EditProblem) => {
    if (isEditProblem(next)) return setMessage(problemText(next));
    setMessage(null);
    onChange(next);
  };

  // Where each span's tag is: arcs start and end there. Measured after layout, and on resize.
  useLayoutEffect(() => {
    const measure = () => {
      const root = wrap.current;
      if (!root) return;
      const origin = root.getBoundingClientRect();
      const map = new Map<string, Anchor>();
      for (const tag of root.querySelectorAll<HTMLElement>("[data-tag-span]")) {
        const r = tag.getBoundingClientRect();
        map.set(tag.dataset.tagSpan!, { x: r.left - origin.left + r.width / 2, y: r.top - origin.top });
      }
      setAnchors({ map, width: origin.width, height: origin.height });
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (wrap.current) observer.observe(wrap.current);
    return () => observer.disconnect();
  }, [layout]);

  // The overlay: the pending selection (or caret), the selected span, the relation target in view.
  useLayoutEffect(() => {
    const root = wrap.current;
    const el = layer.current;
    if (!root || !el) return;
    const origin = root.getBoundingClientRect();
    const rectsOf = (id: string | null | undefined) => {
      const s = id ? layout.spans.find((x) => x.id === id) : undefined;
      return s ? rangeRects(el, pieces, s.from, s.to, origin) : [];
    };
    const from = sel ? Math.min(sel.anchor, sel.focus) : 0;
    const to = sel ? Math.max(sel.anchor, sel.focus) : 0;
    setOverlay({ sel: sel ? rangeRects(el, pieces, from, to, origin) : [], caret: Boolean(sel && from === to), span: rectsOf(spanId), target: rectsOf(draft?.to) });
  }, [sel, spanId, draft, layout, pieces]);

  const selectSpan = (id: string | null) => {
    setSpanId(id);
    setRelationId(null);
    if (id) {
      const s = layout.spans.find((x) => x.id === id);
      block.current?.querySelector(`[data-tag-span="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "nearest" });
      if (s) setSel(null);
    }
  };

  const applyLabel = (label: string) => {
    if (isLocked()) return;
    if (sel && sel.anchor !== sel.focus) {
      const range = selectionToSpan(text, sel.anchor, sel.focus, boundaries, index);
      if (!range) return setMessage(t("messages.selectText"));
      const result = addSpan(annotation, { label, ...range, text: sliceCodePoints(text, range.start, range.end, index) });
      if (isEditProblem(result)) return setMessage(problemText(result));
      change(result.annotation);
      setSel(null);
      setSpanId(result.id);
      return;
    }
    if (spanId) return change(relabelSpan(annotation, spanId, label, labelSet));
    setMessage(t("messages.selectFirst"));
  };

  const stepSpan = (delta: number, current: string | null | undefined) => {
    const order = layout.spans;
    if (!order.length) return null;
    const at = current ? order.findIndex((s) => s.id === current) : -1;
    return order[(at + delta + order.length) % order.length].id;
  };

  const finishRelation = (d: RelationDraft) => {
    if (!d.type || !d.to) return;
    const result = addRelation(annotation, { label: d.type, from: d.from, to: d.to }, labelSet);
    setDraft(null);
    if (isEditProblem(result)) return setMessage(problemText(result));
    change(result.annotation);
    setRelationId(result.id);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target !== block.current) return;
    const key = e.key;
    const done = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (key === "ArrowLeft" || key === "ArrowRight") {
      done();
      const forward = isForwardArrow(key, direction);
      if (draft?.type) return setDraft({ ...draft, to: stepSpan(forward ? 1 : -1, draft.to ?? draft.from) ?? undefined });
      if (e.shiftKey) {
        const anchor = sel?.anchor ?? moveCaret(units, null, true);
        return setSel({ anchor, focus: extendFocus(units, sel?.focus ?? anchor, forward) });
      }
      setSpanId(null);
      const caret = moveCaret(units, sel ? sel.focus : null, forward);
      return setSel({ anchor: caret, focus: caret });
    }
    if (key === "[" || key === "]") {
      done();
      if (draft?.type) return setDraft({ ...draft, to: stepSpan(key === "]" ? 1 : -1, draft.to ?? draft.from) ?? undefined });
      return selectSpan(stepSpan(key === "]" ? 1 : -1, spanId));
    }
    if (key === "Escape") {
      if (!draft && !sel && !spanId && !relationId) return;
      done();
      setDraft(null);
      setSel(null);
      setSpanId(null);
      setRelationId(null);
      return setMessage(null);
    }
    if (key === "Delete" || key === "Backspace") {
      done();
      if (isLocked()) return;
      if (relationId) {
        change(deleteRelation(annotation, relationId));
        return setRelationId(null);
      }
      if (spanId) {
        change(deleteSpan(annotation, spanId));
        return setSpanId(null);
      }
      return;
    }
    if (draft && !draft.type && /^[1-9]$/.test(key)) {
      done();
      const type = labelSet.relations[Number(key) - 1];
      if (!type) return setMessage(t("messages.noRelation", { key }));
      if (draft.to) return finishRelation({ ...draft, type: type.key });
      return setDraft({ ...draft, type: type.key, to: stepSpan(1, draft.from) ?? undefined });
    }
    if (draft?.type && (key === " " || key === "Enter")) {
      done();
      return finishRelation(draft);
    }
    if (key.toLowerCase() === "r" && !e.shiftKey) {
      done();
      if (isLocked()) return;
      if (!spanId) return setMessage(t("messages.sourceFirst"));
      return setDraft({ from: spanId });
    }
    const label = labelSet.labels.find((l) => l.shortcut === key.toLowerCase());
    if (label && !e.shiftKey) {
      done();
      applyLabel(label.key);
    }
  };

  // Mouse: a selection becomes the pending selection (drawn by the overlay), a click selects a span.
  const onMouseUp = () => {
    if (drag) return;
    const el = layer.current;
    const native = window.getSelection();
    if (!el || !native || native.rangeCount === 0) return;
    const a = domPointToIndex(el, native.anchorNode!, native.anchorOffset, text.length);
    const b = domPointToIndex(el, native.focusNode!, native.focusOffset, text.length);
    if (a === null || b === null) return;
    block.current?.focus({ preventScroll: true });
    if (a === b) {
      setSel(null);
      const hit = spanAt(layout, a);
      if (draft && hit) return setDraft({ ...draft, to: hit.id });
      return selectSpan(hit?.id ?? null);
    }
    native.removeAllRanges();
    setSpanId(null);
    setRelationId(null);
    setSel({ anchor: a, focus: b });
  };

  // Dragging a tag onto another span starts a relation between them (its type is then chosen).
  const anchorAt = (e: { clientX: number; clientY: number }): Anchor => {
    const origin = wrap.current!.getBoundingClientRect();
    return { x: e.clientX - origin.left, y: e.clientY - origin.top };
  };
  const onMouseDown = (e: React.MouseEvent) => {
    const tag = (e.target as HTMLElement).closest<HTMLElement>("[data-tag-span]");
    if (!tag || isLocked()) return;
    e.preventDefault();
    block.current?.focus({ preventScroll: true });
    setDrag({ from: tag.dataset.tagSpan!, at: anchorAt(e) });
  };
  useEffect(() => {
    if (!drag) return;
    const move = (e: MouseEvent) => setDrag((d) => (d ? { ...d, at: anchorAt(e) } : d));
    const up = (e: MouseEvent) => {
      const over = document.elementFromPoint(e.clientX, e.clientY);
      const tag = over?.closest<HTMLElement>("[data-tag-span]");
      const seg = over?.closest<HTMLElement>("[data-s]");
      const to = tag?.dataset.tagSpan ?? (seg && layer.current?.contains(seg) ? spanAt(layout, Number(seg.dataset.s))?.id : undefined);
      const from = drag.from;
      setDrag(null);
      if (!to) return selectSpan(from);
      if (to === from && !over?.closest("[data-s]")) return selectSpan(from);
      const types = allowedRelations(annotation, from, to, labelSet);
      if (types.length === 1) return finishRelation({ from, to, type: types[0] });
      if (!types.length) return setMessage(t("messages.noneAllowed", { from: String(spanById.get(from)?.label), to: String(spanById.get(to)?.label) }));
      setSpanId(from);
      setDraft({ from, to });
    };
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", up, { once: true });
    return () => {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", up);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- listeners follow the drag's start, not every render
  }, [drag?.from]);

  const selectRelation = useCallback((id: string) => {
    setRelationId(id);
    setSpanId((current) => {
      const r = annotation.relations.find((x) => x.id === id);
      return r && current !== r.to ? r.from : current;
    });
  }, [annotation.relations]);

  const pendingRange = sel && sel.anchor !== sel.focus ? selectionToSpan(text, sel.anchor, sel.focus, boundaries, index) : null;
  const selected = spanId ? spanById.get(spanId) : undefined;
  const draftTypes = draft && !draft.type ? (draft.to ? allowedRelations(annotation, draft.from, draft.to, labelSet) : labelSet.relations.map((r) => r.key)) : [];
  const status = draft
    ? !draft.type
      ? t(draft.to ? "status.chooseTypeTo" : "status.chooseType", {
          from: quoteShort(spanById.get(draft.from)?.text),
          types: labelSet.relations.map((r, i) => `${i + 1} ${r.name}`).join(", "),
          to: quoteShort(spanById.get(draft.to ?? "")?.text),
        })
      : t("status.chooseTarget", { relation: draft.type, from: quoteShort(spanById.get(draft.from)?.text), to: quoteShort(spanById.get(draft.to ?? "")?.text) })
    : message;

  return (
    <div
      ref={block}
      className={`rounded-md border p-3 ${navClass} ${problem ? "border-red-400" : "border-slate-200"}`}
      data-nav="argument-text"
      data-target={targetKey}
      data-testid="argument-annotator"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      aria-label={t("annotatorLabel", { title })}
      aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight [ ] R Delete Escape"
    >
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{title}</span>
        <span className="text-xs text-slate-500" data-testid="argument-counts">{t("counts", { spans: annotation.spans.length, relations: annotation.relations.length })}{preAnnotated ? ` · ${t("imported")}` : ""}</span>
        <span className="ms-auto flex flex-wrap gap-1" role="toolbar" aria-label={t("labels")}>
          {labelSet.labels.map((l) => (
            <button key={l.key} type="button" className="rounded border px-2 py-0.5 text-xs disabled:opacity-40" style={{ borderColor: l.color, color: l.color }}
              disabled={!pendingRange && !selected} onMouseDown={(e) => e.preventDefault()} onClick={() => applyLabel(l.key)} data-label={l.key} aria-keyshortcuts={l.shortcut}>
              <kbd className="me-1 font-mono">{l.shortcut.toUpperCase()}</kbd>{l.name}
            </button>
          ))}
          <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-xs disabled:opacity-40" disabled={!selected && !relationId} onMouseDown={(e) => e.preventDefault()}
            onClick={() => (relationId ? (change(deleteRelation(annotation, relationId)), setRelationId(null)) : spanId ? (change(deleteSpan(annotation, spanId)), setSpanId(null)) : null)} data-testid="argument-delete">
            {t("delete")}
          </button>
        </span>
      </div>
      {status ? <p className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="argument-status" aria-live="polite">{status}</p> : null}
      {draftTypes.length && draft?.to ? (
        <p className="mb-2 flex flex-wrap gap-1 text-xs" data-testid="relation-types">
          {draftTypes.map((t) => (
            <button key={t} type="button" className="rounded border border-amber-400 px-2 py-0.5" onMouseDown={(e) => e.preventDefault()} onClick={() => finishRelation({ ...draft, type: t })}>
              {labelSet.relations.findIndex((r) => r.key === t) + 1} {labelSet.relations.find((r) => r.key === t)?.name ?? t}
            </button>
          ))}
        </p>
      ) : null}
      <div className="flex flex-col gap-3 xl:flex-row">
        <div ref={wrap} className="relative min-w-0 flex-1 pt-6" onMouseUp={onMouseUp} onMouseDown={onMouseDown}>
          <ArcLayer relations={annotation.relations} anchors={anchors.map} width={anchors.width} height={anchors.height} selected={relationId} highlightSpan={spanId}
            onSelect={selectRelation} drag={drag && anchors.map.get(drag.from) ? { from: anchors.map.get(drag.from)!, to: drag.at } : null} />
          <TextLayer ref={layer} text={text} blocks={blocks} colorOf={colorOf} nameOf={nameOf} dir={dir} />
          {/* Its own compositing layer (will-change), as the arcs': moving the caret repaints these few boxes, not the text. */}
          <div className="pointer-events-none absolute inset-0 will-change-transform" aria-hidden="true">
            {/* A collapsed range has no width: the caret gets its own 2 px, or nobody (and no test) could see it. */}
            {overlay.sel.map((r, i) => <div key={`s${i}`} className={overlay.caret ? "absolute bg-blue-700" : "absolute bg-blue-400/30"} style={overlay.caret ? { ...r, width: 2 } : r} data-testid={overlay.caret ? "argument-caret" : "argument-selection"} />)}
            {overlay.span.map((r, i) => <div key={`p${i}`} className="absolute rounded-sm ring-2 ring-blue-600" style={r} data-testid="argument-selected-span" />)}
            {overlay.target.map((r, i) => <div key={`t${i}`} className="absolute rounded-sm ring-2 ring-dashed ring-amber-500 outline-dashed outline-2 outline-amber-500" style={r} />)}
          </div>
        </div>
        <RelationList dir={dir} annotation={annotation} spanId={spanId} relationId={relationId} nameOf={nameOf} colorOf={colorOf} labelSet={labelSet}
          onSelectRelation={selectRelation} onSelectSpan={(id) => selectSpan(id)} />
      </div>
      {problem ? <p className="mt-1 text-xs text-red-700">{problem}</p> : null}
    </div>
  );
}

function quoteShort(text: string | undefined): string {
  if (!text) return "…";
  const points = Array.from(text);
  return `“${points.length > 30 ? `${points.slice(0, 28).join("")}…` : text}”`;
}

export type { ArgumentRelation };
