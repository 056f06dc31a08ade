"use client";
import { useLayoutEffect, useRef, useState } from "react";
import type { PointerEvent as ReactPointerEvent } from "react";
import { bboxOf, clampPoint, lengthOf, modelShape, moveShape, type ModelRegion, type Pt, type RegionShape, type ShapeKind, type Spacing } from "@/lib/tools/regions/shapes";

// The regions drawn over one image, in the image's own pixels (an SVG whose viewBox is the image,
// fitted as the image is): the reviewer's shapes, the models' localizations (dashed), and what is
// being drawn. Pointer input only — the panel's list and keys give the same actions without a mouse.

export type DrawMode = "select" | ShapeKind;
export type ModelMark = { key: string; tag: string; region: ModelRegion };

type Size = { width: number; height: number };
type Drag = { pointerId: number; id: string; vertex: number | null; from: Pt; original: Pt[]; points: Pt[] };
type Draft = { pointerId: number; kind: "box" | "line"; points: [Pt, Pt] };

const polygonPoints = (pts: readonly Pt[]) => pts.map(([x, y]) => `${x},${y}`).join(" ");

export function formatLength(points: readonly Pt[], spacing: Spacing | null): string {
  const l = lengthOf(points, spacing ?? undefined);
  return l.mm === null ? `${Math.round(l.px)} px` : `${l.mm.toFixed(1)} mm`;
}

function Shape({ kind, points, color, unit, dashed, strong }: { kind: ShapeKind; points: readonly Pt[]; color: string; unit: number; dashed?: boolean; strong?: boolean }) {
  const common = { stroke: color, strokeWidth: strong ? 3 : 2, vectorEffect: "non-scaling-stroke" as const, strokeDasharray: dashed ? "6 4" : undefined };
  if (kind === "point") {
    const [x, y] = points[0] ?? [0, 0];
    return <circle cx={x} cy={y} r={5 * unit} fill={color} fillOpacity={0.6} {...common} />;
  }
  if (kind === "line") {
    const [a, b] = points;
    return a && b ? <line x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} {...common} /> : null;
  }
  if (kind === "box") {
    const [x, y, w, h] = bboxOf(points);
    return <rect x={x} y={y} width={w} height={h} fill={color} fillOpacity={strong ? 0.18 : 0.08} {...common} />;
  }
  return <polygon points={polygonPoints(points)} fill={color} fillOpacity={strong ? 0.18 : 0.08} {...common} />;
}

export function RegionLayer(props: {
  natural: Size | null;
  /** The frame's zoom: handles and labels are re-measured when it changes. */
  zoom: number;
  /** The selected region's vertex the keyboard moves (its handle is filled). */
  vertex?: number | null;
  shapes: Array<{ shape: RegionShape; number: number; color: string }>;
  models: ModelMark[];
  showModels: boolean;
  mode: DrawMode;
  selected: string | null;
  /** The polygon being drawn (vertices so far), kept by the panel so Enter and Escape reach it. */
  polygon: Pt[] | null;
  spacing: Spacing | null;
  readOnly: boolean;
  onCreate: (kind: ShapeKind, points: Pt[], size: [number, number]) => void;
  onPolygon: (points: Pt[] | null, size: [number, number]) => void;
  onChange: (id: string, points: Pt[]) => void;
  onSelect: (id: string | null) => void;
  onSelectModel: (key: string) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [unit, setUnit] = useState(1);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const { natural, zoom } = props;
  // Image pixels per screen pixel: handles and labels keep their size on screen at any zoom. Measured
  // from the layout size (offsetWidth ignores the zoom's transform, which may still be animating).
  useLayoutEffect(() => {
    const box = svg.current?.parentElement;
    if (!box || !natural || !box.offsetWidth) return;
    const next = 1 / (Math.min(box.offsetWidth / natural.width, box.offsetHeight / natural.height) * zoom);
    if (Math.abs(next - unit) / unit > 0.01) setUnit(next);
  }, [natural, zoom, unit]);
  if (!natural) return null;
  const size: [number, number] = [natural.width, natural.height];

  const toImage = (e: { clientX: number; clientY: number }): Pt => {
    const r = svg.current!.getBoundingClientRect();
    const s = Math.min(r.width / natural.width, r.height / natural.height);
    const left = r.left + (r.width - natural.width * s) / 2;
    const top = r.top + (r.height - natural.height * s) / 2;
    return clampPoint([(e.clientX - left) / s, (e.clientY - top) / s], size);
  };
  const claim = (e: ReactPointerEvent) => {
    e.stopPropagation();
    e.preventDefault();
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    svg.current?.closest<HTMLElement>("[tabindex]")?.focus({ preventScroll: true });
  };

  const onDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (props.readOnly || (e.pointerType === "mouse" && e.button !== 0)) return;
    const p = toImage(e);
    if (props.mode === "point") {
      claim(e);
      props.onCreate("point", [p], size);
    } else if (props.mode === "box" || props.mode === "line") {
      claim(e);
      setDraft({ pointerId: e.pointerId, kind: props.mode, points: [p, p] });
    } else if (props.mode === "polygon") {
      claim(e);
      const vertices = props.polygon ?? [];
      const first = vertices[0];
      // Clicking the first vertex again closes the outline.
      if (first && vertices.length >= 3 && Math.hypot(first[0] - p[0], first[1] - p[1]) <= 8 * unit) props.onCreate("polygon", vertices, size);
      else props.onPolygon([...vertices, p], size);
    } else if (props.selected === null) return; // select mode on empty ground: the frame pans
    else props.onSelect(null);
  };
  const onMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (draft?.pointerId === e.pointerId) setDraft({ ...draft, points: [draft.points[0], toImage(e)] });
    if (drag?.pointerId === e.pointerId) {
      const p = toImage(e);
      const points = drag.vertex === null ? moveShape(drag.original, p[0] - drag.from[0], p[1] - drag.from[1], size) : drag.original.map((q, i) => (i === drag.vertex ? p : q));
      setDrag({ ...drag, points });
    }
  };
  const onUp = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (draft?.pointerId === e.pointerId) {
      const [a, b] = draft.points;
      const [, , w, h] = bboxOf(draft.points);
      // A click without a drag draws nothing (a box needs both sides, a line a length).
      if (draft.kind === "box" ? w >= 2 * unit && h >= 2 * unit : Math.hypot(b[0] - a[0], b[1] - a[1]) >= 2 * unit) props.onCreate(draft.kind, draft.points, size);
      setDraft(null);
    }
    if (drag?.pointerId === e.pointerId) {
      if (JSON.stringify(drag.points) !== JSON.stringify(drag.original)) props.onChange(drag.id, drag.points);
      setDrag(null);
    }
  };
  const grab = (e: ReactPointerEvent, shape: RegionShape, vertex: number | null) => {
    if (props.readOnly || props.mode !== "select") return;
    claim(e);
    props.onSelect(shape.id);
    setDrag({ pointerId: e.pointerId, id: shape.id, vertex, from: toImage(e), original: shape.points, points: shape.points });
  };

  const handle = 5 * unit;
  return (
    <svg ref={svg} className={`absolute inset-0 h-full w-full ${props.mode === "select" ? "" : "cursor-crosshair"}`} viewBox={`0 0 ${natural.width} ${natural.height}`} preserveAspectRatio="xMidYMid meet"
      aria-hidden="true" data-testid="region-layer" data-width={natural.width} data-height={natural.height}
      onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={onUp} onDoubleClick={(e) => {
        if (props.mode !== "polygon") return;
        e.stopPropagation();
        if ((props.polygon?.length ?? 0) >= 3) props.onCreate("polygon", props.polygon!, size);
      }}>
      {props.showModels
        ? props.models.map((m) => {
            const { kind, points } = modelShape(m.region);
            const [x, y] = bboxOf(points);
            return (
              <g key={m.key} data-model-region={m.key} className="cursor-pointer" onPointerDown={(e) => {
                if (props.mode !== "select") return;
                e.stopPropagation();
                props.onSelectModel(m.key);
              }}>
                <Shape kind={kind} points={points} color="#b45309" unit={unit} dashed />
                <text x={x} y={Math.max(12 * unit, y - 3 * unit)} fontSize={12 * unit} fill="#fde68a" stroke="#451a03" strokeWidth={3 * unit} paintOrder="stroke">{m.tag}</text>
              </g>
            );
          })
        : null}
      {props.shapes.map(({ shape, number, color }) => {
        const points = drag?.id === shape.id ? drag.points : shape.points;
        const selected = props.selected === shape.id;
        const [x, y] = bboxOf(points);
        const tag = shape.kind === "line" ? `${number} · ${formatLength(points, props.spacing)}` : String(number);
        return (
          <g key={shape.id} data-region={shape.id} data-selected={selected || undefined} className={props.mode === "select" && !props.readOnly ? "cursor-move" : ""} onPointerDown={(e) => grab(e, shape, null)}>
            <Shape kind={shape.kind} points={points} color={color} unit={unit} strong={selected} />
            <text x={x} y={Math.max(12 * unit, y - 3 * unit)} fontSize={12 * unit} fill="#ffffff" stroke="#0f172a" strokeWidth={3 * unit} paintOrder="stroke">{tag}</text>
            {selected && !props.readOnly
              ? points.map(([px, py], i) => (
                  <rect key={i} x={px - handle} y={py - handle} width={handle * 2} height={handle * 2} fill={props.vertex === i ? color : "#ffffff"} data-active-vertex={props.vertex === i || undefined} stroke={color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" className="cursor-crosshair" data-handle={i}
                    onPointerDown={(e) => grab(e, shape, i)} />
                ))
              : null}
          </g>
        );
      })}
      {draft ? <Shape kind={draft.kind} points={draft.points} color="#38bdf8" unit={unit} dashed /> : null}
      {props.polygon?.length ? (
        <g data-testid="polygon-draft">
          <polyline points={polygonPoints(props.polygon)} fill="none" stroke="#38bdf8" strokeWidth={2} strokeDasharray="4 3" vectorEffect="non-scaling-stroke" />
          {props.polygon.map(([px, py], i) => <circle key={i} cx={px} cy={py} r={3.5 * unit} fill="#38bdf8" />)}
        </g>
      ) : null}
    </svg>
  );
}
