"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent, PointerEvent as ReactPointerEvent } from "react";
import { PlainText } from "@/components/ui/markdown";
import { secondaryButtonClass } from "@/components/ui/styles";
import { textProps } from "@/components/ui/text-direction";

export type ViewerImage = { src: string; alt: string; modality?: string; view?: string; caption?: string };

const MIN_ZOOM = 1;
const MAX_ZOOM = 8;
const STEP = 1.25;
const PAN_STEP = 40; // px per arrow key press when zoomed

type View = { zoom: number; x: number; y: number };
type Drag = { pointerId: number; startX: number; startY: number; originX: number; originY: number };
type Size = { width: number; height: number };

const FIT: View = { zoom: 1, x: 0, y: 0 };

const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** Keep the (frame-sized, scaled) image covering the frame so it can't be panned out of sight. */
function clampPan(view: View, size: Size): View {
  const maxX = ((view.zoom - 1) * size.width) / 2;
  const maxY = ((view.zoom - 1) * size.height) / 2;
  return { zoom: view.zoom, x: Math.min(maxX, Math.max(-maxX, view.x)), y: Math.min(maxY, Math.max(-maxY, view.y)) };
}

/** Zoom to `zoom`, keeping the point `p` (relative to the frame centre) fixed on screen. */
function zoomAt(view: View, zoom: number, p: { x: number; y: number }, size: Size): View {
  const z = clampZoom(zoom);
  if (z === MIN_ZOOM) return FIT;
  const k = z / view.zoom;
  return clampPan({ zoom: z, x: p.x - (p.x - view.x) * k, y: p.y - (p.y - view.y) * k }, size);
}

export function captionOf(image: ViewerImage): string {
  const meta = [image.modality, image.view].map((s) => s?.trim()).filter(Boolean).join(" · ");
  const caption = image.caption?.trim();
  return [meta, caption].filter(Boolean).join(" — ");
}

/**
 * Medical images attached to an item: thumbnails (tabs) when there are several, the selected image
 * in a zoomable, pannable frame. Keyboard (when the frame is focused): + / − zoom, 0 resets, arrow
 * keys pan when zoomed. Mouse: Ctrl/⌘ + wheel (or trackpad pinch) zooms at the pointer; the plain
 * wheel zooms only while the frame has focus, so scrolling the page past the image still works.
 * Drag to pan when zoomed; double-click toggles 2× / fit. `language`: the item's, for the caption's direction.
 */
export function ImageViewer({ images, language }: { images: ViewerImage[]; language?: string | null }) {
  const t = useTranslations("review.images");
  const format = useFormatter();
  const [selected, setSelected] = useState(0);
  const [view, setView] = useState<View>(FIT);
  const [drag, setDrag] = useState<Drag | null>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const baseId = useId();

  const index = Math.min(selected, Math.max(0, images.length - 1));
  const image = images[index];
  const hasImage = image !== undefined;

  const frameSize = (): Size => {
    const rect = frameRef.current?.getBoundingClientRect();
    return { width: rect?.width ?? 0, height: rect?.height ?? 0 };
  };
  /** Pointer position relative to the frame centre. */
  const pointInFrame = (clientX: number, clientY: number) => {
    const rect = frameRef.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return { x: clientX - rect.left - rect.width / 2, y: clientY - rect.top - rect.height / 2 };
  };

  const zoomBy = (factor: number, p = { x: 0, y: 0 }) => {
    const size = frameSize();
    setView((v) => zoomAt(v, v.zoom * factor, p, size));
  };
  const reset = () => setView(FIT);
  const pan = (dx: number, dy: number) => {
    const size = frameSize();
    setView((v) => (v.zoom > 1 ? clampPan({ ...v, x: v.x + dx, y: v.y + dy }, size) : v));
  };

  const select = (i: number) => {
    setSelected(i);
    setView(FIT);
    setDrag(null);
  };

  // React's onWheel is passive, so preventDefault (to stop page scroll / browser zoom) needs a
  // native non-passive listener.
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const onWheel = (e: WheelEvent) => {
      const focused = document.activeElement === frame;
      if (!e.ctrlKey && !e.metaKey && !focused) return;
      e.preventDefault();
      const rect = frame.getBoundingClientRect();
      const size = { width: rect.width, height: rect.height };
      const p = { x: e.clientX - rect.left - rect.width / 2, y: e.clientY - rect.top - rect.height / 2 };
      // Pinch gestures report small fractional deltas; mouse wheels report ~100 per notch.
      const factor = Math.min(STEP, Math.max(1 / STEP, Math.exp(-e.deltaY / 300)));
      setView((v) => zoomAt(v, v.zoom * factor, p, size));
    };
    frame.addEventListener("wheel", onWheel, { passive: false });
    return () => frame.removeEventListener("wheel", onWheel);
  }, [hasImage]);

  if (!image) return null;

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    let handled = true;
    switch (e.key) {
      case "+":
      case "=":
        zoomBy(STEP);
        break;
      case "-":
      case "_":
        zoomBy(1 / STEP);
        break;
      case "0":
        reset();
        break;
      case "ArrowLeft":
      case "ArrowRight":
      case "ArrowUp":
      case "ArrowDown":
        // Only claim arrows when there is something to pan; otherwise let page shortcuts have them.
        if (view.zoom <= 1) {
          handled = false;
          break;
        }
        pan(
          e.key === "ArrowLeft" ? PAN_STEP : e.key === "ArrowRight" ? -PAN_STEP : 0,
          e.key === "ArrowUp" ? PAN_STEP : e.key === "ArrowDown" ? -PAN_STEP : 0,
        );
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation(); // don't also trigger the review page's shortcuts
    }
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (view.zoom <= 1 || (e.pointerType === "mouse" && e.button !== 0)) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, originX: view.x, originY: view.y });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag || drag.pointerId !== e.pointerId) return;
    const size = frameSize();
    const next = { x: drag.originX + e.clientX - drag.startX, y: drag.originY + e.clientY - drag.startY };
    setView((v) => clampPan({ ...v, ...next }, size));
  };
  const endDrag = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (drag?.pointerId === e.pointerId) setDrag(null);
  };
  const onDoubleClick = (e: ReactMouseEvent<HTMLDivElement>) => {
    const size = frameSize();
    const p = pointInFrame(e.clientX, e.clientY);
    setView((v) => (v.zoom > 1 ? FIT : zoomAt(v, 2, p, size)));
  };

  const onTabKeyDown = (e: ReactKeyboardEvent<HTMLButtonElement>, i: number) => {
    const last = images.length - 1;
    const next =
      e.key === "ArrowRight" ? (i === last ? 0 : i + 1)
      : e.key === "ArrowLeft" ? (i === 0 ? last : i - 1)
      : e.key === "Home" ? 0
      : e.key === "End" ? last
      : null;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    select(next);
    tabRefs.current[next]?.focus();
  };

  const caption = captionOf(image);
  const percent = format.number(view.zoom, { style: "percent", maximumFractionDigits: 0 });
  const panelId = `${baseId}-panel`;
  const hintId = `${baseId}-hint`;
  const zoomed = view.zoom > 1;

  return (
    <figure className="space-y-2" data-testid="image-viewer">
      {images.length > 1 ? (
        <div role="tablist" aria-label={t("tabs")} className="flex gap-2 overflow-x-auto pb-1">
          {images.map((img, i) => {
            const active = i === index;
            const label = captionOf(img) || img.alt || t("fallback", { n: String(i + 1) });
            return (
              <button
                key={`${i}-${img.src}`}
                ref={(el) => {
                  tabRefs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${baseId}-tab-${i}`}
                aria-selected={active}
                aria-controls={panelId}
                aria-label={t("tab", { n: String(i + 1), total: images.length, label })}
                tabIndex={active ? 0 : -1}
                onClick={() => select(i)}
                onKeyDown={(e) => onTabKeyDown(e, i)}
                className={`relative h-16 w-16 shrink-0 overflow-hidden rounded-md border-2 bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 focus-visible:ring-offset-1 ${
                  active ? "border-blue-600" : "border-slate-200 opacity-70 hover:opacity-100"
                }`}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- images come from our authenticated file route or allow-listed hosts; next/image optimization would bypass that auth and proxy remote hosts */}
                <img src={img.src} alt="" className="h-full w-full object-cover" draggable={false} loading="lazy" />
                <span className="absolute bottom-0 end-0 rounded-ss bg-slate-900/70 px-1 text-[10px] font-medium text-white">{i + 1}</span>
              </button>
            );
          })}
        </div>
      ) : null}

      <div
        ref={frameRef}
        id={panelId}
        role={images.length > 1 ? "tabpanel" : "group"}
        aria-labelledby={images.length > 1 ? `${baseId}-tab-${index}` : undefined}
        aria-label={images.length > 1 ? undefined : t("viewer", { alt: image.alt })}
        aria-describedby={hintId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onLostPointerCapture={endDrag}
        onDoubleClick={onDoubleClick}
        className={`relative h-80 select-none overflow-hidden rounded-md bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 focus-visible:ring-offset-2 sm:h-[28rem] ${
          zoomed ? `touch-none ${drag ? "cursor-grabbing" : "cursor-grab"}` : "cursor-zoom-in"
        }`}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- images come from our authenticated file route or allow-listed hosts; next/image optimization would bypass that auth and proxy remote hosts */}
        <img
          key={image.src}
          src={image.src}
          alt={image.alt}
          draggable={false}
          className={`h-full w-full origin-center object-contain ${drag ? "" : "transition-transform duration-100 ease-out"}`}
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }}
        />
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => zoomBy(1 / STEP)} disabled={view.zoom <= MIN_ZOOM} aria-label={t("zoomOut")}>
          <span aria-hidden="true">−</span>
        </button>
        <span className="min-w-[3.5rem] text-center text-sm tabular-nums text-slate-700" data-testid="zoom-level" aria-live="polite" title={t("zoomLevel")}>
          {percent}
        </span>
        <button type="button" className={secondaryButtonClass} onClick={() => zoomBy(STEP)} disabled={view.zoom >= MAX_ZOOM} aria-label={t("zoomIn")}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" className={secondaryButtonClass} onClick={reset} disabled={!zoomed} aria-label={t("resetZoom")}>
          {t("reset")}
        </button>
        <span id={hintId} className="text-xs text-slate-500">
          {t("hint")}
        </span>
      </div>

      {caption ? <figcaption className="text-sm text-slate-700" data-testid="image-caption" {...textProps(language)}><PlainText text={caption} /></figcaption> : null}
    </figure>
  );
}
