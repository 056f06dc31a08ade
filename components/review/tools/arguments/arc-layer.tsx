"use client";
import { memo } from "react";
import type { ArgumentRelation } from "@/lib/formats/argument-types";

// Relations as arcs above the text, drawn from the tag that opens the source span to the tag of
// the target span (arrow at the target). Plain SVG: no graph library on the review page. The SVG
// is its own compositing layer (will-change), so highlighting arcs does not repaint the text and
// editing the text does not repaint the arcs; each arc is memoized on its numbers, so an edit
// re-renders only the arcs that moved or changed emphasis. A click on an arc is handled once, on
// the SVG (the arcs' hit paths are the only parts that take pointer events).
// Anchors are physical pixels from the text box's left edge (getBoundingClientRect), in right-to-left
// text too; so the SVG's origin is pinned to that left edge, not to the logical start (which is the
// right edge in right-to-left text), and nothing in the arcs depends on the reading direction.

export type Anchor = { x: number; y: number };

type Props = {
  relations: readonly ArgumentRelation[];
  anchors: ReadonlyMap<string, Anchor>;
  width: number;
  height: number;
  selected: string | null;
  highlightSpan: string | null;
  onSelect: (id: string) => void;
  drag: { from: Anchor; to: Anchor } | null;
};

function arcPath(a: Anchor, b: Anchor): { d: string; apex: Anchor } {
  const lift = 14 + Math.min(26, Math.abs(b.x - a.x) / 10);
  const top = Math.min(a.y, b.y) - lift;
  return { d: `M ${a.x} ${a.y} C ${a.x} ${top}, ${b.x} ${top}, ${b.x} ${b.y}`, apex: { x: (a.x + b.x) / 2, y: top + lift / 4 } };
}

type ArcProps = { id: string; label: string; ax: number; ay: number; bx: number; by: number; on: boolean; near: boolean; copy?: boolean };

const colorClass = (on: boolean, label: string) => (on ? "text-amber-600" : /attack/i.test(label) ? "text-rose-500" : "text-slate-500");

/** An arc's line (and, unless it is the emphasis copy, its wider invisible hit line). */
const ArcLine = memo(function ArcLine({ id, label, ax, ay, bx, by, on, near, copy }: ArcProps) {
  const { d } = arcPath({ x: ax, y: ay }, { x: bx, y: by });
  return (
    <g className={colorClass(on, label)} {...(copy ? { "data-relation-emphasis": id } : { "data-relation": id, "data-selected": on || undefined })}>
      {copy ? null : <path d={d} fill="none" stroke="transparent" strokeWidth={8} className="pointer-events-[stroke] cursor-pointer" style={{ pointerEvents: "stroke" }} data-arc-hit />}
      <path d={d} fill="none" stroke="currentColor" strokeWidth={on ? 2.5 : near ? 1.6 : 1} strokeDasharray={/attack/i.test(label) ? "4 3" : undefined} markerEnd="url(#arg-arrow)" />
    </g>
  );
});

/** An arc's relation name at its apex (never faded, as before). */
const ArcLabel = memo(function ArcLabel({ label, ax, ay, bx, by, on }: Omit<ArcProps, "id" | "near" | "copy">) {
  const { apex } = arcPath({ x: ax, y: ay }, { x: bx, y: by });
  return <text x={apex.x} y={apex.y} textAnchor="middle" fontSize={9} fill="currentColor" className={`select-none ${colorClass(on, label)}`}>{label}</text>;
});

export const ArcLayer = memo(function ArcLayer({ relations, anchors, width, height, selected, highlightSpan, onSelect, drag }: Props) {
  const onMouseDown = (e: React.MouseEvent) => {
    const hit = (e.target as Element).closest("[data-arc-hit]");
    const id = hit?.parentElement?.getAttribute("data-relation");
    if (!id) return;
    e.preventDefault();
    onSelect(id);
  };
  const drawn = relations.flatMap((r) => {
    const a = anchors.get(r.from);
    const b = anchors.get(r.to);
    return a && b ? [{ r, a, b }] : [];
  });
  return (
    <svg className="pointer-events-none absolute top-0 overflow-visible will-change-transform" style={{ left: 0 }} width={width} height={height} aria-hidden="true" data-testid="argument-arcs" onMouseDown={onMouseDown}>
      <defs>
        <marker id="arg-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 8 4 L 0 8 z" fill="currentColor" />
        </marker>
      </defs>
      {/* While a span is selected the other arcs fade: one opacity on the group of lines, the
          selected and nearby lines drawn again on top at full strength (fading each line restyled
          every arc on every selection). */}
      <g opacity={highlightSpan === null ? undefined : 0.45}>
        {drawn.map(({ r, a, b }) => <ArcLine key={r.id} id={r.id} label={r.label} ax={a.x} ay={a.y} bx={b.x} by={b.y} on={r.id === selected} near={false} />)}
      </g>
      {highlightSpan === null
        ? null
        : drawn.map(({ r, a, b }) => {
            const near = r.from === highlightSpan || r.to === highlightSpan;
            return near || r.id === selected ? <ArcLine key={r.id} id={r.id} label={r.label} ax={a.x} ay={a.y} bx={b.x} by={b.y} on={r.id === selected} near={near} copy /> : null;
          })}
      {drawn.map(({ r, a, b }) => <ArcLabel key={r.id} label={r.label} ax={a.x} ay={a.y} bx={b.x} by={b.y} on={r.id === selected} />)}
      {drag ? <path d={arcPath(drag.from, drag.to).d} fill="none" stroke="#d97706" strokeWidth={2} strokeDasharray="3 2" markerEnd="url(#arg-arrow)" data-testid="relation-drag" /> : null}
    </svg>
  );
});
