import type { ArgumentSpan } from "@/lib/formats/argument-types";
import { createOffsetIndex } from "@/lib/formats/offsets";

// How spans are drawn over a text: the text is cut at every span boundary into segments, each
// knowing the spans that cover it; every span gets a lane (0 = lowest underline) so that
// overlapping and nested spans are stacked underlines that never hide each other. Pure (UTF-16
// indices for the DOM; spans arrive in code points).

export type LaidSpan = ArgumentSpan & { from: number; to: number; lane: number };
export type Segment = { from: number; to: number; spans: LaidSpan[] };
export type Layout = { spans: LaidSpan[]; segments: Segment[]; lanes: number };

/** Lanes by greedy interval colouring: longer spans first at equal starts, so an outer span lies under its nested ones. */
export function layoutSpans(text: string, spans: readonly ArgumentSpan[]): Layout {
  const index = createOffsetIndex(text);
  const laid: LaidSpan[] = spans
    .filter((s) => s.end <= index.codePointLength && s.start < s.end)
    .map((s) => ({ ...s, from: index.toUtf16(s.start), to: index.toUtf16(s.end), lane: 0 }))
    .sort((a, b) => a.from - b.from || b.to - a.to || a.id.localeCompare(b.id));
  const laneEnds: number[] = [];
  for (const s of laid) {
    let lane = laneEnds.findIndex((end) => end <= s.from);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = s.to;
    s.lane = lane;
  }
  const cuts = new Set<number>([0, text.length]);
  for (const s of laid) cuts.add(s.from).add(s.to);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  // Sweep: spans sorted by start enter, those ending leave.
  let next = 0;
  let active: LaidSpan[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    active = active.filter((s) => s.to > from);
    while (next < laid.length && laid[next].from <= from) {
      if (laid[next].to > from) active.push(laid[next]);
      next += 1;
    }
    segments.push({ from, to, spans: [...active].sort((a, b) => a.lane - b.lane) });
  }
  return { spans: laid, segments, lanes: laneEnds.length };
}

/** A run of one segment inside one block; `tags` are the spans that open at its start (drawn before it). */
export type Piece = { from: number; to: number; seg: Segment; tags: LaidSpan[] };
/** A paragraph of the text (it ends after a line break), drawn as its own block; `signature` changes when its drawing does. */
export type Block = { from: number; to: number; pieces: Piece[]; signature: string };

/**
 * The segments grouped into blocks that end after each line break, a segment that crosses a break
 * being cut into two pieces. Why: the browser lays out and paints one block at a time, so an edit
 * then re-lays out its own paragraph instead of the whole text (a 20,000-character text as one
 * inline run cost ~45 ms of layout per keystroke). A block that ends with its line break takes no
 * extra line, so the text looks as it did in one run.
 */
export function blocksOf(text: string, layout: Layout): Block[] {
  const startsAt = new Map<number, LaidSpan[]>();
  for (const s of layout.spans) startsAt.set(s.from, [...(startsAt.get(s.from) ?? []), s]);
  const blocks: Block[] = [];
  let pieces: Piece[] = [];
  const close = () => {
    if (!pieces.length) return;
    const signature = pieces
      .map((p) => `${p.from}-${p.to}:${p.seg.spans.map((s) => `${s.id}/${s.label}/${s.lane}/${s.from}-${s.to}`).join(",")}:${p.tags.map((s) => `${s.id}/${s.label}`).join(",")}`)
      .join(";");
    blocks.push({ from: pieces[0].from, to: pieces[pieces.length - 1].to, pieces, signature });
    pieces = [];
  };
  for (const seg of layout.segments) {
    let from = seg.from;
    while (from < seg.to) {
      const newline = text.indexOf("\n", from);
      const to = newline !== -1 && newline < seg.to ? newline + 1 : seg.to;
      pieces.push({ from, to, seg, tags: from === seg.from ? (startsAt.get(from) ?? []) : [] });
      if (text[to - 1] === "\n") close();
      from = to;
    }
  }
  close();
  return blocks;
}

/** The innermost (shortest) span covering a UTF-16 index, for a click on the text. */
export function spanAt(layout: Layout, i: number): LaidSpan | null {
  let best: LaidSpan | null = null;
  for (const s of layout.spans) if (s.from <= i && i < s.to && (!best || s.to - s.from < best.to - best.from)) best = s;
  return best;
}

/** Spans in reading order (start, then longer first), for [ and ] to step through. */
export function spansInOrder(layout: Layout): LaidSpan[] {
  return layout.spans;
}
