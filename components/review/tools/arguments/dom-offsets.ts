import type { Segment } from "./span-layout";

// Between DOM positions inside the annotator's text layer and UTF-16 indices of the text. Every run
// of text sits in one element carrying `data-s` (its first index); label tags (`data-tag-span`) hold
// no text of the document and count for nothing.

function segmentStartOf(el: Element | null): number | null {
  const seg = el?.closest<HTMLElement>("[data-s]");
  return seg ? Number(seg.dataset.s) : null;
}

/** The first text index at or after a child of the layer (a tag is followed by its span's text). */
function indexAtChild(layer: HTMLElement, child: Node | null, textLength: number): number {
  for (let n: Node | null = child; n; n = n.nextSibling) {
    if (n instanceof HTMLElement && n.dataset.s !== undefined) return Number(n.dataset.s);
  }
  return textLength;
}

/** UTF-16 index of a DOM point (a Selection's anchor or focus) in the layer, or null when outside it. */
export function domPointToIndex(layer: HTMLElement, node: Node, offset: number, textLength: number): number | null {
  if (!layer.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const start = segmentStartOf(node.parentElement);
    if (start !== null) return start + offset;
    // Inside a tag: the span's text follows it.
    const tag = node.parentElement?.closest("[data-tag-span]");
    return tag ? indexAtChild(layer, tag.nextSibling, textLength) : null;
  }
  if (node === layer) return indexAtChild(layer, layer.childNodes[offset] ?? null, textLength);
  const el = node as Element;
  const start = segmentStartOf(el);
  if (start !== null) return offset === 0 ? start : start + (el.textContent?.length ?? 0);
  return el.closest("[data-tag-span]") ? indexAtChild(layer, el.closest("[data-tag-span]")!.nextSibling, textLength) : null;
}

/** The DOM point of a UTF-16 index (for building Ranges), or null before the layer has rendered. */
export function indexToDomPoint(layer: HTMLElement, segments: readonly Segment[], i: number): { node: Node; offset: number } | null {
  if (!segments.length) return null;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segments[mid].from <= i) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo];
  const el = layer.querySelector<HTMLElement>(`[data-s="${seg.from}"]`);
  const node = el?.firstChild;
  if (!node) return null;
  return { node, offset: Math.min(i - seg.from, node.textContent?.length ?? 0) };
}

/** Client rectangles of [from, to) relative to `origin` (a collapsed range gives the caret's one rectangle). */
export function rangeRects(layer: HTMLElement, segments: readonly Segment[], from: number, to: number, origin: DOMRect): Array<{ left: number; top: number; width: number; height: number }> {
  const a = indexToDomPoint(layer, segments, from);
  const b = indexToDomPoint(layer, segments, to);
  if (!a || !b) return [];
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const list = from === to ? [range.getBoundingClientRect()] : [...range.getClientRects()];
  return list.filter((r) => r.height > 0).map((r) => ({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height }));
}
