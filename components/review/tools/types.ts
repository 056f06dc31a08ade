import type { ComponentType } from "react";
import type { ReviewAxis, ReviewCriterion, ReviewResponse } from "@/lib/assignments/load-for-review";
import type { AnnotationData, ResponseBlock } from "@/lib/annotations/schema";
import type { ToolId } from "@/lib/tools/types";
import type { ArgumentReview } from "@/lib/tools/arguments/review-payload";
import type { ReviewSuggestions } from "@/lib/tools/suggestions/targets";
import type { Messages } from "@/lib/i18n/messages-type";
import type { RegionReview } from "@/lib/tools/regions/review-payload";
import type { PatientRecordView } from "@/lib/items/record-view";
import type { ImageLayout, ViewerImage } from "../image-viewer";

/** What every tool panel gets: the document, how to change it, and the review's rubric and item. */
export type ToolPanelProps = {
  data: AnnotationData;
  update: (data: AnnotationData) => void;
  axes: ReviewAxis[];
  criteria: ReviewCriterion[];
  responses: ReviewResponse[];
  /** Server problems by path ("responses.<id>.criteria"), shown beside the block they are about. */
  problemAt: Map<string, string>;
  enabled: ReadonlySet<ToolId>;
  /** The item's reference reasoning statements (reference-statements tool). */
  statements: string[];
  /** Summary items: the source document as stored (the grounding tool). */
  summarySource?: string;
  /** Regions on the item's images: the images as the viewer shows them, their layout, labels, sentences and model localizations. */
  regions?: RegionPanelData;
  /** Record items: the patient record (entries in date order), to browse and link statements to. */
  record?: PatientRecordView;
  /** Reasoning steps: the project's error types and whether each step's kind is asked. */
  stepSettings: { errorTypes: Array<{ key: string; label: string; help: string }>; requireKind: boolean };
  settings: { askConfidence: boolean; pairwiseStrength: boolean };
  /** Argument structure: the texts to annotate, the label set, imported pre-annotations. */
  argumentReview: ArgumentReview;
  /** A judge's values shown as suggestions (decision 034), or null. */
  suggestions: ReviewSuggestions | null;
  /** Submitted, skipped or locked: panels show, nothing changes. */
  readOnly: boolean;
  /**
   * The item's language (a BCP 47 tag, Item.language): the direction of the item's and the models'
   * text in the panels (lib/i18n/locales.ts textDirection). Missing: each text decides (dir="auto").
   */
  language?: string | null;
};

export type RegionPanelData = { images: ViewerImage[]; layout?: ImageLayout; review: RegionReview };

/** A panel inside one response's card. */
export type ResponsePanelProps = ToolPanelProps & {
  response: ReviewResponse;
  block: ResponseBlock;
  setBlock: (patch: (block: ResponseBlock) => ResponseBlock) => void;
};

type ToolMessages = Messages["tools"];

/**
 * What a key does, as a message key of the "tools" namespace: `<tool>.keys.<name>` (lib/i18n/messages/
 * <locale>/tools.json). The shortcut sheet shows it translated: `useTranslations("tools")(action)`.
 */
export type ShortcutAction = {
  [T in keyof ToolMessages & string]: ToolMessages[T] extends { keys: infer K } ? `${T}.keys.${keyof K & string}` : never;
}[keyof ToolMessages & string];

/**
 * A key a tool answers to while one of its blocks has the focus (`scope` names the block kind, the
 * `data-nav` value). Data, not code: the page's keyboard handler is shared, the shortcut sheet is built
 * from these, and the conformance test refuses clashes with the page-wide keys. Key names (J, Shift,
 * 1–9) are shown as they are; `action` is a message key, translated where the sheet shows it.
 */
export type KeyBinding = { keys: string[]; action: ShortcutAction; scope: string };

/** The review page's part of a tool (lib/tools holds its server part under the same id). */
export type ClientTool = {
  id: ToolId;
  /** In each response's card, in registry order. */
  ResponsePanel?: ComponentType<ResponsePanelProps>;
  /** In each response's card, after every tool's ResponsePanel (confidence comes last). */
  ResponseFooter?: ComponentType<ResponsePanelProps>;
  /** Below the responses (pairwise comparison). */
  ComparisonPanel?: ComponentType<ToolPanelProps>;
  /** In the item card, above the overall comment. */
  ItemPanel?: ComponentType<ToolPanelProps>;
  /** Above the responses: the item's own material the tool works on (regions on its images). */
  LeadPanel?: ComponentType<ToolPanelProps>;
  keymap: KeyBinding[];
};
