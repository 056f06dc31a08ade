"use client";
import { forwardRef, memo, useCallback, type CSSProperties } from "react";
import { useTranslations } from "next-intl";
import type { Block, Piece, Segment } from "./span-layout";

// The text with its spans: one block per paragraph (span-layout.ts blocksOf), in it every piece of
// a segment is one element (data-s = its first UTF-16 index) whose stacked underlines, one lane per
// covering span, keep overlapping and nested spans legible; a tag with the label opens every span
// (and is the handle to drag a relation from). Memoized: moving the caret or selecting a span
// repaints only the overlay, never these hundreds of elements; an edit re-renders its paragraph.
// `dir` is the text's direction (the item's language, or "auto"): the paragraphs inherit it, and the
// underlines (full-width backgrounds) and tags need no side, so spans read the same in Arabic.

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

type Props = { text: string; blocks: readonly Block[]; colorOf: (label: string) => string; nameOf: (label: string) => string; dir: "ltr" | "rtl" | "auto" };
type TitleOf = (label: string, id: string) => string;

export const TextLayer = memo(
  forwardRef<HTMLDivElement, Props>(function TextLayer({ text, blocks, colorOf, nameOf, dir }, ref) {
    const t = useTranslations("tools.arguments");
    const titleOf = useCallback<TitleOf>((label, id) => t("tagTitle", { name: nameOf(label), id }), [t, nameOf]);
    return (
      <div ref={ref} dir={dir} className="whitespace-pre-wrap break-words text-sm leading-[2.7]" data-testid="argument-text-layer">
        {blocks.map((block) => (
          <BlockView key={block.from} block={block} text={text} colorOf={colorOf} titleOf={titleOf} />
        ))}
      </div>
    );
  }),
);

type BlockProps = { block: Block; text: string; colorOf: Props["colorOf"]; titleOf: TitleOf };

// A paragraph re-renders only when its own drawing changed (its signature), so an edit touches one
// paragraph's elements, not the whole text's.
const BlockView = memo(
  function BlockView({ block, text, colorOf, titleOf }: BlockProps) {
    return (
      <div data-paragraph={block.from}>
        {block.pieces.map((piece) => (
          <PieceView key={piece.from} piece={piece} text={text} colorOf={colorOf} titleOf={titleOf} />
        ))}
      </div>
    );
  },
  (a, b) => a.block.signature === b.block.signature && a.text === b.text && a.colorOf === b.colorOf && a.titleOf === b.titleOf,
);

function PieceView({ piece, text, colorOf, titleOf }: { piece: Piece; text: string; colorOf: Props["colorOf"]; titleOf: TitleOf }) {
  return (
    <>
      {piece.tags.map((s) => (
        <span
          key={s.id}
          data-tag-span={s.id}
          className="mx-px cursor-grab select-none rounded-sm px-1 align-[0.6em] text-[10px] font-semibold leading-none text-white"
          style={{ background: colorOf(s.label) }}
          title={titleOf(s.label, s.id)}
        >
          {s.label}
        </span>
      ))}
      <span data-s={piece.from} data-ids={piece.seg.spans.map((s) => s.id).join(" ") || undefined} style={segmentStyle(piece.seg, colorOf)}>
        {text.slice(piece.from, piece.to)}
      </span>
    </>
  );
}
