"use client";
import { forwardRef, memo, type CSSProperties } from "react";
import type { Layout, Segment } from "./span-layout";

// The text with its spans: every segment is one element (data-s = its first UTF-16 index) whose
// stacked underlines, one lane per covering span, keep overlapping and nested spans legible; a tag
// with the label opens every span (and is the handle to drag a relation from). Memoized: moving the
// caret or selecting a span repaints only the overlay, never these hundreds of elements.

const LANE = 4;

function segmentStyle(seg: Segment, colorOf: (label: string) => string): CSSProperties | undefined {
  if (!seg.spans.length) return undefined;
  const top = seg.spans.reduce((a, b) => (b.to - b.from < a.to - a.from ? b : a));
  return {
    backgroundImage: [...seg.spans.map((s) => `linear-gradient(${colorOf(s.label)}, ${colorOf(s.label)})`), `linear-gradient(${colorOf(top.label)}1f, ${colorOf(top.label)}1f)`].join(", "),
    backgroundSize: [...seg.spans.map(() => "100% 2px"), "100% 100%"].join(", "),
    backgroundPosition: [...seg.spans.map((s) => `0 calc(100% - ${s.lane * LANE}px)`), "0 0"].join(", "),
    backgroundRepeat: "no-repeat",
    paddingBottom: `${(seg.spans[seg.spans.length - 1].lane + 1) * LANE}px`,
  };
}

type Props = { text: string; layout: Layout; colorOf: (label: string) => string; nameOf: (label: string) => string };

export const TextLayer = memo(
  forwardRef<HTMLDivElement, Props>(function TextLayer({ text, layout, colorOf, nameOf }, ref) {
    const startsAt = new Map<number, typeof layout.spans>();
    for (const s of layout.spans) startsAt.set(s.from, [...(startsAt.get(s.from) ?? []), s]);
    return (
      <div ref={ref} dir="auto" className="whitespace-pre-wrap break-words text-sm leading-[2.7]" data-testid="argument-text-layer">
        {layout.segments.map((seg) => (
          <SegmentView key={seg.from} seg={seg} text={text} tags={startsAt.get(seg.from)} colorOf={colorOf} nameOf={nameOf} />
        ))}
      </div>
    );
  }),
);

function SegmentView({ seg, text, tags, colorOf, nameOf }: { seg: Segment; text: string; tags?: Layout["spans"]; colorOf: Props["colorOf"]; nameOf: Props["nameOf"] }) {
  return (
    <>
      {tags?.map((s) => (
        <span
          key={s.id}
          data-tag-span={s.id}
          className="mx-px cursor-grab select-none rounded-sm px-1 align-[0.6em] text-[10px] font-semibold leading-none text-white"
          style={{ background: colorOf(s.label) }}
          title={`${nameOf(s.label)} (${s.id}): drag to another span to relate them`}
        >
          {s.label}
        </span>
      ))}
      <span data-s={seg.from} data-ids={seg.spans.map((s) => s.id).join(" ") || undefined} style={segmentStyle(seg, colorOf)}>
        {text.slice(seg.from, seg.to)}
      </span>
    </>
  );
}
