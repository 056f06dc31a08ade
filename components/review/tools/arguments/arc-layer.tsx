"use client";
import { memo } from "react";
import type { ArgumentRelation } from "@/lib/formats/argument-types";

// Relations as arcs above the text, drawn from the tag that opens the source span to the tag of
// the target span (arrow at the target). Plain SVG: no graph library on the review page.

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

export const ArcLayer = memo(function ArcLayer({ relations, anchors, width, height, selected, highlightSpan, onSelect, drag }: Props) {
  return (
    <svg className="pointer-events-none absolute left-0 top-0 overflow-visible" width={width} height={height} aria-hidden="true" data-testid="argument-arcs">
      <defs>
        <marker id="arg-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 8 4 L 0 8 z" fill="currentColor" />
        </marker>
      </defs>
      {relations.map((r) => {
        const a = anchors.get(r.from);
        const b = anchors.get(r.to);
        if (!a || !b) return null;
        const { d, apex } = arcPath(a, b);
        const on = r.id === selected;
        const near = highlightSpan !== null && (r.from === highlightSpan || r.to === highlightSpan);
        const attack = /attack/i.test(r.label);
        return (
          <g key={r.id} className={on ? "text-amber-600" : attack ? "text-rose-500" : "text-slate-500"} data-relation={r.id} data-selected={on || undefined}>
            <path d={d} fill="none" stroke="transparent" strokeWidth={8} className="pointer-events-[stroke] cursor-pointer" style={{ pointerEvents: "stroke" }} onMouseDown={(e) => { e.preventDefault(); onSelect(r.id); }} />
            <path d={d} fill="none" stroke="currentColor" strokeWidth={on ? 2.5 : near ? 1.6 : 1} strokeDasharray={attack ? "4 3" : undefined} markerEnd="url(#arg-arrow)" opacity={on || near || highlightSpan === null ? 1 : 0.45} />
            <text x={apex.x} y={apex.y} textAnchor="middle" fontSize={9} fill="currentColor" className="select-none">{r.label}</text>
          </g>
        );
      })}
      {drag ? <path d={arcPath(drag.from, drag.to).d} fill="none" stroke="#d97706" strokeWidth={2} strokeDasharray="3 2" markerEnd="url(#arg-arrow)" data-testid="relation-drag" /> : null}
    </svg>
  );
});
