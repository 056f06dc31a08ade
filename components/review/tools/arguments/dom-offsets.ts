// Between DOM positions inside the annotator's text layer and UTF-16 indices of the text. The layer
// holds one block per paragraph (text-layer.tsx); every run of text sits in one element carrying
// `data-s` (its first index); label tags (`data-tag-span`) hold no text of the document and count
// for nothing.

function segmentStartOf(el: Element | null): number | null {
  const seg = el?.closest<HTMLElement>("[data-s]");
  return seg ? Number(seg.dataset.s) : null;
}

/** The node after `node`'s subtree in document order, inside the layer (null at the layer's end). */
function nodeAfter(layer: HTMLElement, node: Node): Node | null {
  for (let n: Node | null = node; n && n !== layer; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/** The first text index at or after a node of the layer, in document order (a tag is followed by its span's text). */
function indexFrom(layer: HTMLElement, start: Node | null, textLength: number): number {
  if (!start) return textLength;
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = start;
  for (let n: Node | null = start.nodeType === Node.ELEMENT_NODE ? start : walker.nextNode(); n; n = walker.nextNode()) {
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
    return tag ? indexFrom(layer, nodeAfter(layer, tag), textLength) : null;
  }
  const el = node as Element;
  const start = segmentStartOf(el);
  if (start !== null) return offset === 0 ? start : start + (el.textContent?.length ?? 0);
  const tag = el.closest("[data-tag-span]");
  if (tag) return indexFrom(layer, nodeAfter(layer, tag), textLength);
  // The layer or a paragraph block: the point lies before its child number `offset` (or after its last child).
  const child = el.childNodes[offset];
  return indexFrom(layer, child ?? nodeAfter(layer, el), textLength);
}

/** The DOM point of a UTF-16 index (for building Ranges), or null before the layer has rendered. */
export function indexToDomPoint(layer: HTMLElement, pieces: ReadonlyArray<{ from: number }>, i: number): { node: Node; offset: number } | null {
  if (!pieces.length) return null;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (pieces[mid].from <= i) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo];
  const el = layer.querySelector<HTMLElement>(`[data-s="${piece.from}"]`);
  const node = el?.firstChild;
  if (!node) return null;
  return { node, offset: Math.min(i - piece.from, node.textContent?.length ?? 0) };
}

/** Client rectangles of [from, to) relative to `origin` (a collapsed range gives the caret's one rectangle). */
export function rangeRects(layer: HTMLElement, pieces: ReadonlyArray<{ from: number }>, from: number, to: number, origin: DOMRect): Array<{ left: number; top: number; width: number; height: number }> {
  const a = indexToDomPoint(layer, pieces, from);
  const b = indexToDomPoint(layer, pieces, to);
  if (!a || !b) return [];
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const list = from === to ? [range.getBoundingClientRect()] : [...range.getClientRects()];
  return list.filter((r) => r.height > 0).map((r) => ({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height }));
}
