"use client";
import { useEffect, useRef, useState } from "react";
import type { KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent, PointerEvent as ReactPointerEvent } from "react";

// One zoomable, pannable image frame. The view (zoom and pan) is the caller's, so several frames can
// share one (a prior and a current study side by side zoom together) and a stack of slices keeps it
// while the reviewer scrolls through them.

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 8;
export const STEP = 1.25;
const PAN_STEP = 40; // px per arrow key press when zoomed

export type View = { zoom: number; x: number; y: number };
type Drag = { pointerId: number; startX: number; startY: number; originX: number; originY: number };
export type Size = { width: number; height: number };
/** The caller's state setter (several frames may share it). */
export type ViewUpdate = (change: (v: View) => View) => void;

export const FIT: View = { zoom: 1, x: 0, y: 0 };

const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** Keep the (frame-sized, scaled) image covering the frame so it can't be panned out of sight. */
export function clampPan(view: View, size: Size): View {
  const maxX = ((view.zoom - 1) * size.width) / 2;
  const maxY = ((view.zoom - 1) * size.height) / 2;
  return { zoom: view.zoom, x: Math.min(maxX, Math.max(-maxX, view.x)), y: Math.min(maxY, Math.max(-maxY, view.y)) };
}

/** Zoom to `zoom`, keeping the point `p` (relative to the frame centre) fixed on screen. */
export function zoomAt(view: View, zoom: number, p: { x: number; y: number }, size: Size): View {
  const z = clampZoom(zoom);
  if (z === MIN_ZOOM) return FIT;
  const k = z / view.zoom;
  return clampPan({ zoom: z, x: p.x - (p.x - view.x) * k, y: p.y - (p.y - view.y) * k }, size);
}

/**
 * Keyboard (when focused): + / − zoom, 0 resets, arrows pan when zoomed; with `onStep` (a stack of
 * slices) Page Up / Page Down step through the slices. Mouse: Ctrl/⌘ + wheel zooms at the pointer;
 * the plain wheel steps through slices (a stack) or zooms while the frame has focus. Drag pans when
 * zoomed; double-click toggles 2× / fit.
 */
export function ZoomFrame({ src, alt, view, update, onStep, frameProps, className = "h-80 sm:h-[28rem]", overlay, arrowsPan = true }: {
  src: string;
  alt: string;
  view: View;
  update: ViewUpdate;
  onStep?: (delta: 1 | -1) => void;
  frameProps: Record<string, string | number | undefined>;
  className?: string;
  /**
   * Drawn over the image in its own pixels, zoomed and panned with it (the regions tool): given the
   * image's natural size once it has loaded, and the zoom. A pointer-down it handles must stop propagating, or the
   * frame pans.
   */
  overlay?: (natural: Size | null, zoom: number) => React.ReactNode;
  /** False while the arrows belong to someone else (a selected region moves with them). */
  arrowsPan?: boolean;
}) {
  const frameRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [natural, setNatural] = useState<{ src: string; size: Size } | null>(null);
  const step = useRef(onStep);
  useEffect(() => {
    step.current = onStep;
  });

  const sizeOf = (): Size => {
    const rect = frameRef.current?.getBoundingClientRect();
    return { width: rect?.width ?? 0, height: rect?.height ?? 0 };
  };
  /** A change of the shared view, measured against this frame. */
  const apply = (change: (v: View, size: Size) => View) => {
    const size = sizeOf();
    update((v) => change(v, size));
  };
  const pointIn = (clientX: number, clientY: number) => {
    const rect = frameRef.current?.getBoundingClientRect();
    return rect ? { x: clientX - rect.left - rect.width / 2, y: clientY - rect.top - rect.height / 2 } : { x: 0, y: 0 };
  };

  // React's onWheel is passive, so preventDefault (to stop page scroll / browser zoom) needs a native listener.
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const onWheel = (e: WheelEvent) => {
      const focused = document.activeElement === frame;
      if (!e.ctrlKey && !e.metaKey && step.current && (focused || frame.matches(":hover"))) {
        e.preventDefault();
        if (Math.abs(e.deltaY) > 0) step.current(e.deltaY > 0 ? 1 : -1);
        return;
      }
      if (!e.ctrlKey && !e.metaKey && !focused) return;
      e.preventDefault();
      const rect = frame.getBoundingClientRect();
      const p = { x: e.clientX - rect.left - rect.width / 2, y: e.clientY - rect.top - rect.height / 2 };
      // Pinch gestures report small fractional deltas; mouse wheels report ~100 per notch.
      const factor = Math.min(STEP, Math.max(1 / STEP, Math.exp(-e.deltaY / 300)));
      const size = { width: rect.width, height: rect.height };
      update((v) => zoomAt(v, v.zoom * factor, p, size));
    };
    frame.addEventListener("wheel", onWheel, { passive: false });
    return () => frame.removeEventListener("wheel", onWheel);
  }, [update]);

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    let handled = true;
    switch (e.key) {
      case "+":
      case "=":
        apply((v, size) => zoomAt(v, v.zoom * STEP, { x: 0, y: 0 }, size));
        break;
      case "-":
      case "_":
        apply((v, size) => zoomAt(v, v.zoom / STEP, { x: 0, y: 0 }, size));
        break;
      case "0":
        update(() => FIT);
        break;
      case "PageDown":
      case "PageUp":
        if (onStep) onStep(e.key === "PageDown" ? 1 : -1);
        else handled = false;
        break;
      case "ArrowLeft":
      case "ArrowRight":
      case "ArrowUp":
      case "ArrowDown": {
        // Only claim arrows when there is something to pan; otherwise let page shortcuts have them.
        if (view.zoom <= 1 || !arrowsPan) {
          handled = false;
          break;
        }
        const dx = e.key === "ArrowLeft" ? PAN_STEP : e.key === "ArrowRight" ? -PAN_STEP : 0;
        const dy = e.key === "ArrowUp" ? PAN_STEP : e.key === "ArrowDown" ? -PAN_STEP : 0;
        apply((v, size) => clampPan({ ...v, x: v.x + dx, y: v.y + dy }, size));
        break;
      }
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
    const next = { x: drag.originX + e.clientX - drag.startX, y: drag.originY + e.clientY - drag.startY };
    apply((v, size) => clampPan({ ...v, ...next }, size));
  };
  const endDrag = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (drag?.pointerId === e.pointerId) setDrag(null);
  };
  const onDoubleClick = (e: ReactMouseEvent<HTMLDivElement>) => {
    const p = pointIn(e.clientX, e.clientY);
    apply((v, size) => (v.zoom > 1 ? FIT : zoomAt(v, 2, p, size)));
  };

  const zoomed = view.zoom > 1;
  return (
    <div
      ref={frameRef}
      {...frameProps}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onLostPointerCapture={endDrag}
      onDoubleClick={onDoubleClick}
      className={`relative ${className} select-none overflow-hidden rounded-md bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 focus-visible:ring-offset-2 ${
        zoomed ? `touch-none ${drag ? "cursor-grabbing" : "cursor-grab"}` : "cursor-zoom-in"
      }`}
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- images come from our authenticated file route or allow-listed hosts; next/image optimization would bypass that auth and proxy remote hosts */}
      <img
        key={src}
        src={src}
        alt={alt}
        draggable={false}
        className={`h-full w-full origin-center object-contain ${drag ? "" : "transition-transform duration-100 ease-out"}`}
        style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }}
        onLoad={overlay ? (e) => setNatural({ src, size: { width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight } }) : undefined}
      />
      {overlay ? (
        <div className={`absolute inset-0 origin-center ${drag ? "" : "transition-transform duration-100 ease-out"}`} style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }}>
          {overlay(natural?.src === src ? natural.size : null, view.zoom)}
        </div>
      ) : null}
    </div>
  );
}
