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
