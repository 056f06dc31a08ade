"use client";
import { useId, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode } from "react";
import { PlainText } from "@/components/ui/markdown";
import { secondaryButtonClass } from "@/components/ui/styles";
import { textProps } from "@/components/ui/text-direction";
import { FIT, MAX_ZOOM, MIN_ZOOM, STEP, ZoomFrame, type Size, type View } from "./zoom-frame";

export type ViewerImage = { src: string; alt: string; modality?: string; view?: string; caption?: string };
/** tabs: one image at a time, picked by thumbnail; stack: slices of one series, scrolled through with the zoom kept; compare: side by side, zoomed together. */
export type ImageLayout = "tabs" | "stack" | "compare";

export function captionOf(image: ViewerImage): string {
  const meta = [image.modality, image.view].map((s) => s?.trim()).filter(Boolean).join(" · ");
  const caption = image.caption?.trim();
  return [meta, caption].filter(Boolean).join(" — ");
}

/** Thumbnails as tabs (arrow keys, Home, End), for the tabs layout. */
function Thumbnails({ images, index, select, panelId, baseId }: { images: ViewerImage[]; index: number; select: (i: number) => void; panelId: string; baseId: string }) {
  const t = useTranslations("review.images");
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const onTabKeyDown = (e: ReactKeyboardEvent<HTMLButtonElement>, i: number) => {
    const last = images.length - 1;
    const next = e.key === "ArrowRight" ? (i === last ? 0 : i + 1) : e.key === "ArrowLeft" ? (i === 0 ? last : i - 1) : e.key === "Home" ? 0 : e.key === "End" ? last : null;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    select(next);
    tabRefs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t("tabs")} className="flex gap-2 overflow-x-auto pb-1">
      {images.map((img, i) => {
        const active = i === index;
        const label = captionOf(img) || img.alt || t("fallback", { n: String(i + 1) });
        return (
          <button key={`${i}-${img.src}`} ref={(el) => { tabRefs.current[i] = el; }} type="button" role="tab" id={`${baseId}-tab-${i}`} aria-selected={active} aria-controls={panelId}
            aria-label={t("tab", { n: String(i + 1), total: images.length, label })} tabIndex={active ? 0 : -1} onClick={() => select(i)} onKeyDown={(e) => onTabKeyDown(e, i)}
            className={`relative h-16 w-16 shrink-0 overflow-hidden rounded-md border-2 bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 focus-visible:ring-offset-1 ${active ? "border-blue-600" : "border-slate-200 opacity-70 hover:opacity-100"}`}>
            {/* eslint-disable-next-line @next/next/no-img-element -- images come from our authenticated file route or allow-listed hosts; next/image optimization would bypass that auth and proxy remote hosts */}
            <img src={img.src} alt="" className="h-full w-full object-cover" draggable={false} loading="lazy" />
            <span className="absolute bottom-0 end-0 rounded-ss bg-slate-900/70 px-1 text-[10px] font-medium text-white">{i + 1}</span>
          </button>
        );
      })}
    </div>
  );
}

/**
 * Medical images attached to an item, in one of three layouts (`layout`, from the item): tabs (one
 * image at a time), a stack of slices (Page Up / Page Down, the wheel or the slider move through
 * them, the zoom stays), or compare (a prior and a current study side by side, zooming and panning
 * together). In every frame: + / − zoom, 0 resets, arrows pan when zoomed; Ctrl/⌘ + wheel zooms at the
 * pointer; drag pans; double-click toggles 2× / fit. `language`: the item's, for captions' direction.
 */
export function ImageViewer({ images, language, layout = "tabs", overlay, index: shown, onIndex, frameExtra, arrowsPan }: {
  images: ViewerImage[];
  language?: string | null;
  layout?: ImageLayout;
  /** Drawn over image `index` in its own pixels (the regions tool), see ZoomFrame. */
  overlay?: (index: number, natural: Size | null, zoom: number) => ReactNode;
  /** The image shown (tabs, stack), when the caller controls it; told of changes, and of the frame last used (compare). */
  index?: number;
  onIndex?: (index: number) => void;
  /** More attributes for every frame (the regions tool makes the frame a keyboard block). */
  frameExtra?: Record<string, string>;
  arrowsPan?: boolean;
}) {
  const t = useTranslations("review.images");
  const format = useFormatter();
  const [own, setOwn] = useState(0);
  const selected = shown ?? own;
  const setSelected = (n: number) => {
    setOwn(n);
    onIndex?.(n);
  };
  const [view, setView] = useState<View>(FIT);
  const baseId = useId();
  const mode: ImageLayout = images.length > 1 ? layout : "tabs";
  const index = Math.min(selected, Math.max(0, images.length - 1));
  const image = images[index];
  if (!image) return null;

  const select = (i: number) => {
    setSelected(i);
    setView(FIT); // a different picture starts fitted; a slice of the same series keeps the zoom (step)
  };
  const step = (delta: 1 | -1) => setSelected(Math.min(images.length - 1, Math.max(0, selected + delta)));
  // The toolbar zooms about the centre. It has no frame to measure, so the pan shrinks with the zoom's
  // headroom ((z' − 1) / (z − 1)), which keeps a pan that was inside the frame inside it.
  const zoomBy = (factor: number) =>
    setView((v) => {
      const z = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.zoom * factor));
      if (z === MIN_ZOOM) return FIT;
      const k = z / v.zoom;
      const room = v.zoom > 1 ? (z - 1) / (v.zoom - 1) : 1;
      const fit = (a: number) => Math.sign(a) * Math.min(Math.abs(a * k), Math.abs(a) * room);
      return { zoom: z, x: fit(v.x), y: fit(v.y) };
    });
  const panelId = `${baseId}-panel`;
  const hintId = `${baseId}-hint`;
  const percent = format.number(view.zoom, { style: "percent", maximumFractionDigits: 0 });
  const caption = captionOf(image);

  return (
    <figure className="space-y-2" data-testid="image-viewer" data-layout={mode}>
      {mode === "tabs" && images.length > 1 ? <Thumbnails images={images} index={index} select={select} panelId={panelId} baseId={baseId} /> : null}

      {mode === "compare" ? (
        <div className="grid gap-2 sm:grid-cols-2" data-testid="image-compare">
          {images.map((img, i) => (
            <div key={`${i}-${img.src}`} className="space-y-1">
              <div onFocusCapture={() => onIndex?.(i)} onPointerDownCapture={() => onIndex?.(i)}>
                <ZoomFrame src={img.src} alt={img.alt} view={view} update={setView} className="h-64 sm:h-80" arrowsPan={arrowsPan} overlay={overlay ? (n, z) => overlay(i, n, z) : undefined}
                  frameProps={{ ...frameExtra, role: "group", "aria-label": t("compareFrame", { n: String(i + 1), total: images.length, label: captionOf(img) || img.alt }), "aria-describedby": hintId, "data-frame": i + 1 }} />
              </div>
              {captionOf(img) ? <p className="text-sm text-slate-700" data-testid="image-caption" {...textProps(language)}><PlainText text={captionOf(img)} /></p> : null}
            </div>
          ))}
        </div>
      ) : (
        <ZoomFrame src={image.src} alt={image.alt} view={view} update={setView} onStep={mode === "stack" ? step : undefined} arrowsPan={arrowsPan} overlay={overlay ? (n, z) => overlay(index, n, z) : undefined}
          frameProps={{
            ...frameExtra,
            id: panelId,
            role: mode === "tabs" && images.length > 1 ? "tabpanel" : "group",
            "aria-labelledby": mode === "tabs" && images.length > 1 ? `${baseId}-tab-${index}` : undefined,
            "aria-label": mode === "stack" ? t("slice", { n: String(index + 1), total: images.length, alt: image.alt }) : images.length > 1 ? undefined : t("viewer", { alt: image.alt }),
            "aria-describedby": hintId,
            "data-slice": mode === "stack" ? index + 1 : undefined,
          }} />
      )}

      {mode === "stack" ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <span className="shrink-0" data-testid="slice-position">{t("slicePosition", { n: String(index + 1), total: images.length })}</span>
          <input type="range" min={1} max={images.length} value={index + 1} onChange={(e) => setSelected(Number(e.target.value) - 1)} className="grow" aria-label={t("sliceSlider")} />
        </label>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => zoomBy(1 / STEP)} disabled={view.zoom <= MIN_ZOOM} aria-label={t("zoomOut")}><span aria-hidden="true">−</span></button>
        <span className="min-w-[3.5rem] text-center text-sm tabular-nums text-slate-700" data-testid="zoom-level" aria-live="polite" title={t("zoomLevel")}>{percent}</span>
        <button type="button" className={secondaryButtonClass} onClick={() => zoomBy(STEP)} disabled={view.zoom >= MAX_ZOOM} aria-label={t("zoomIn")}><span aria-hidden="true">+</span></button>
        <button type="button" className={secondaryButtonClass} onClick={() => setView(FIT)} disabled={view.zoom <= 1} aria-label={t("resetZoom")}>{t("reset")}</button>
        <span id={hintId} className="text-xs text-slate-500">{mode === "stack" ? t("stackHint") : mode === "compare" ? t("compareHint") : t("hint")}</span>
      </div>

      {mode !== "compare" && caption ? <figcaption className="text-sm text-slate-700" data-testid="image-caption" {...textProps(language)}><PlainText text={caption} /></figcaption> : null}
    </figure>
  );
}
