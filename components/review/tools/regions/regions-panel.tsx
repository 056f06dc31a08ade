"use client";
import { useState } from "react";
import type { KeyboardEvent as ReactKeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { ImageViewer } from "../../image-viewer";
import { useResponseName } from "../../response-name";
import { LABEL_PALETTE } from "@/lib/formats/argument-types";
import { bboxOf, clampPoint, moveShape, roundCoord, type ModelVerdict, type Pt, type RegionShape, type ShapeKind } from "@/lib/tools/regions/shapes";
import type { ToolPanelProps } from "../types";
import { RegionLayer, type DrawMode, type ModelMark } from "./region-layer";
import { ModelRegionList, ShapeList } from "./region-lists";

const MODES: Array<{ mode: DrawMode; key: string }> = [
  { mode: "select", key: "v" },
  { mode: "box", key: "b" },
  { mode: "point", key: "p" },
  { mode: "polygon", key: "g" },
  { mode: "line", key: "m" },
];

const newId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}${Math.random()}`).replace(/[^A-Za-z0-9]/g, "").slice(0, 12);
const UNLABELLED = "#64748b";

/**
 * Regions on the item's images (issue 13). Draw boxes, points, polygons and measuring lines with the
 * mouse (or N for a new one by keyboard, then the arrows), edit them by dragging (shape or handle)
 * or with the arrows (Alt: resize), label them 1–9, link each to the sentence of a response that
 * speaks of it, and judge the models' own localizations. The images are the item's, shown here in
 * place of the plain viewer; the zoom, pan, slices and side-by-side layouts work as there.
 */
export function RegionsPanel({ data, update, regions, readOnly, problemAt, language }: ToolPanelProps) {
  const t = useTranslations("tools.regions");
  const responseName = useResponseName();
  const [mode, setMode] = useState<DrawMode>("select");
  const [selected, setSelected] = useState<string | null>(null);
  const [labelKey, setLabelKey] = useState<string | undefined>(regions?.review.labels[0]?.key);
  const [image, setImage] = useState(0);
  const [showModels, setShowModels] = useState(true);
  const [polygon, setPolygon] = useState<{ image: number; points: Pt[] } | null>(null);
  const [focusModel, setFocusModel] = useState<string | null>(null);
  /** The vertex the arrows move (E cycles through a selected region's points); null: the whole region. */
  const [vertex, setVertex] = useState<number | null>(null);
  if (!regions) return null;
  const { review, images } = regions;
  const block = data.regions ?? {};
  const shapes = block.shapes ?? [];
  const sizes = block.sizes ?? {};
  const colorOf = (label?: string) => (label ? (review.labels.find((l) => l.key === label)?.color ?? UNLABELLED) : UNLABELLED);
  const nameOf = (n: number) => responseName(`Response ${String.fromCharCode(65 + n)}`);
  const spacingOf = (i: number) => review.spacing[i] ?? null;

  const write = (next: RegionShape[], size?: [number, number], at?: number) =>
    update({ ...data, regions: { ...block, shapes: next, ...(size && at !== undefined ? { sizes: { ...sizes, [String(at)]: size } } : {}) } });
  const create = (kind: ShapeKind, points: Pt[], size: [number, number], at = image) => {
    const shape: RegionShape = { id: newId(), image: at, kind, points: points.map((p) => clampPoint(p, size)), ...(kind !== "line" && labelKey ? { label: labelKey } : {}) };
    write([...shapes, shape], size, at);
    select(shape.id);
    setPolygon(null);
  };
  const change = (id: string, patch: Partial<RegionShape>) =>
    write(shapes.map((s) => (s.id === id ? Object.fromEntries(Object.entries({ ...s, ...patch }).filter(([, v]) => v !== undefined)) as RegionShape : s)));
  const remove = (id: string) => {
    write(shapes.filter((s) => s.id !== id));
    if (selected === id) select(null);
  };
  const select = (id: string | null) => {
    setSelected(id);
    setVertex(null);
    const s = shapes.find((x) => x.id === id);
    if (s && s.image !== image) setImage(s.image);
  };
  const verdict = (responseId: string, index: number, v: ModelVerdict) => {
    const model = block.model ?? {};
    update({ ...data, regions: { ...block, model: { ...model, [responseId]: { ...model[responseId], [String(index)]: { ...model[responseId]?.[String(index)], verdict: v } } } } });
  };
  const models = (at: number): ModelMark[] =>
    review.responses.flatMap((r, n) => r.modelRegions.flatMap((m, i) => (m.image === at ? [{ key: `${r.id}:${i}`, tag: `${String.fromCharCode(65 + n)}${i + 1}`, region: m }] : [])));
  const shapesOn = (at: number) => shapes.flatMap((shape, i) => (shape.image === at ? [{ shape, number: i + 1, color: colorOf(shape.label) }] : []));

  // Keys while the image has the focus (the frame's own keys — zoom, pan, slices — come first).
  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const frame = (e.target as HTMLElement).closest("[data-nav='regions']");
    if (!frame || e.ctrlKey || e.metaKey || readOnly) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const size = sizes[String(image)] ?? naturalOf(frame);
    const current = shapes.find((s) => s.id === selected);
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    const m = MODES.find((x) => x.key === key);
    if (m && !e.altKey) {
      setMode(m.mode);
      setPolygon(null);
      return handled();
    }
    if (/^[1-9]$/.test(key) && !e.altKey) {
      const label = review.labels[Number(key) - 1];
      if (!label) return;
      setLabelKey(label.key);
      if (current && current.kind !== "line") change(current.id, { label: label.key });
      return handled();
    }
    if (key === "l") {
      setShowModels((v) => !v);
      return handled();
    }
    if (key === "n" && size) {
      const [w, h] = size;
      const d = Math.max(4, Math.round(Math.min(w, h) / 10));
      const c: Pt = [roundCoord(w / 2), roundCoord(h / 2)];
      const kind: ShapeKind = mode === "select" ? "box" : mode;
      const points: Pt[] = kind === "point" ? [c] : kind === "line" ? [[c[0] - d, c[1]], [c[0] + d, c[1]]] : kind === "polygon" ? [[c[0], c[1] - d], [c[0] + d, c[1] + d], [c[0] - d, c[1] + d]] : [[c[0] - d, c[1] - d], [c[0] + d, c[1] + d]];
      create(kind, points, size);
      return handled();
    }
    if ((key === "Enter" || key === "f") && polygon && polygon.points.length >= 3 && size) {
      create("polygon", polygon.points, size, polygon.image);
      return handled();
    }
    if (key === "Escape") {
      if (polygon) setPolygon(null);
      else if (vertex !== null) setVertex(null);
      else if (selected) setSelected(null);
      else if (mode !== "select") setMode("select");
      else return;
      return handled();
    }
    if (key === "," || key === ".") {
      const here = shapes.filter((s) => s.image === image);
      if (!here.length) return;
      const at = here.findIndex((s) => s.id === selected);
      const next = here[(at + (key === "." ? 1 : here.length - 1 + (at === -1 ? 1 : 0))) % here.length]!;
      select(next.id);
      return handled();
    }
    if (!current) return;
    if (key === "e" && !e.altKey) {
      setVertex((v) => ((v ?? -1) + 1) % current.points.length);
      return handled();
    }
    if (key === "Delete" || key === "Backspace") {
      remove(current.id);
      return handled();
    }
    const arrows: Record<string, Pt> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const dir = arrows[key];
    if (dir && size) {
      const stepPx = e.shiftKey ? Math.max(10, Math.round(size[0] / 50)) : Math.max(1, Math.round(size[0] / 500));
      const [dx, dy] = [dir[0] * stepPx, dir[1] * stepPx];
      if (vertex !== null && current.points[vertex]) {
        change(current.id, { points: current.points.map((p, i) => (i === vertex ? clampPoint([p[0] + dx, p[1] + dy], size) : p)) });
      } else if (e.altKey && (current.kind === "box" || current.kind === "line")) {
        // Resize: a box's far corner, a line's second end.
        const pts = current.kind === "box" ? (() => { const [x, y, w, h] = bboxOf(current.points); return [[x, y], [x + w, y + h]] as Pt[]; })() : current.points;
        change(current.id, { points: [pts[0]!, clampPoint([pts[1]![0] + dx, pts[1]![1] + dy], size)] });
      } else if (!e.altKey) change(current.id, { points: moveShape(current.points, dx, dy, size) });
      return handled();
    }
  };

  const selectedShape = shapes.find((s) => s.id === selected);
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t("heading")} data-testid="regions-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">{t("heading")}</h2>
        <span className="text-xs text-slate-600" data-testid="region-count">{t("count", { count: shapes.length })}</span>
      </div>
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t("tools")}>
          <div role="radiogroup" aria-label={t("mode")} className="flex flex-wrap gap-1">
            {MODES.map((m) => (
              <button key={m.mode} type="button" role="radio" aria-checked={mode === m.mode} data-mode={m.mode} onClick={() => { setMode(m.mode); setPolygon(null); }}
                className={`rounded-md border px-2 py-1 text-xs ${mode === m.mode ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white text-slate-800"}`}>
                {t(`modes.${m.mode}`)} <kbd className="ms-1 text-slate-500">{m.key.toUpperCase()}</kbd>
              </button>
            ))}
          </div>
          {review.labels.length ? (
            <label className="flex items-center gap-1 text-xs text-slate-700">
              {t("newLabel")}
              <select className="rounded border border-slate-300 px-1 py-0.5 text-xs" value={labelKey ?? ""} onChange={(e) => { setLabelKey(e.target.value || undefined); if (selectedShape && selectedShape.kind !== "line") change(selectedShape.id, { label: e.target.value || undefined }); }}>
                <option value="">{t("noLabel")}</option>
                {review.labels.map((l, i) => <option key={l.key} value={l.key}>{i < 9 ? `${i + 1} · ` : ""}{l.name}</option>)}
              </select>
            </label>
          ) : null}
          {review.responses.some((r) => r.modelRegions.length) ? (
            <label className="flex items-center gap-1 text-xs text-slate-700"><input type="checkbox" checked={showModels} onChange={(e) => setShowModels(e.target.checked)} /> {t("showModels")}</label>
          ) : null}
        </div>
      )}
      {review.labels.length ? (
        <ul className="flex flex-wrap gap-2 text-xs" aria-label={t("legend")}>
          {review.labels.map((l, i) => <li key={l.key} className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded-sm" style={{ background: l.color || LABEL_PALETTE[i % LABEL_PALETTE.length] }} aria-hidden />{l.name}</li>)}
        </ul>
      ) : null}
      <div onKeyDown={onKeyDown}>
        <ImageViewer images={images} language={language} layout={regions.layout} index={image} onIndex={(i) => { setImage(i); setPolygon(null); }} arrowsPan={!selected}
          frameExtra={{ "data-nav": "regions", "data-testid": "region-frame", "aria-keyshortcuts": "V B P G M N F E L 1 2 3 4 5 6 7 8 9 Delete Escape" }}
          overlay={(at, natural, zoom) => (
            <RegionLayer natural={natural} zoom={zoom} vertex={vertex} shapes={shapesOn(at)} models={models(at)} showModels={showModels} mode={readOnly ? "select" : mode} selected={selected} spacing={spacingOf(at)} readOnly={readOnly}
              polygon={polygon?.image === at ? polygon.points : null}
              onCreate={(kind, points, size) => create(kind, points, size, at)}
              onPolygon={(points, size) => { setPolygon(points ? { image: at, points } : null); if (!sizes[String(at)]) write(shapes, size, at); }}
              onChange={(id, points) => change(id, { points })} onSelect={select}
              onSelectModel={(key) => { setFocusModel(key); document.querySelector<HTMLElement>(`[data-model-row="${CSS.escape(key)}"]`)?.focus(); }} />
          )} />
      </div>
      {readOnly ? null : <p className="text-xs text-slate-600">{t("hint")}</p>}
      <ShapeList shapes={shapes} labels={review.labels} review={review} responseName={nameOf} spacingOf={spacingOf} selected={selected} readOnly={readOnly} problemAt={problemAt}
        onSelect={select} onChange={change} onDelete={remove} />
      <ModelRegionList review={review} verdicts={block.model ?? {}} responseName={nameOf} readOnly={readOnly} problemAt={problemAt} onVerdict={verdict} focusKey={focusModel} />
      {problemAt.get("regions") ? <p className="text-sm text-red-700" role="alert">{problemAt.get("regions")}</p> : null}
    </section>
  );
}

/** The natural size of the image in a frame, from the layer's data attributes (before any shape recorded it). */
function naturalOf(frame: Element): [number, number] | undefined {
  const layer = frame.querySelector<SVGSVGElement>("[data-testid='region-layer']");
  const w = Number(layer?.dataset.width);
  const h = Number(layer?.dataset.height);
  return w && h ? [w, h] : undefined;
}
