import type { AnnotationData } from "@/lib/annotations/schema";
import type { LabelSet } from "@/lib/formats/argument-types";
import type { ActionType } from "@/lib/items/schema";
import type { CitationRef } from "./citations/marks";
import type { ModelRegion } from "./regions/shapes";

// The contract every annotation tool fulfils (STYLE.md "Annotation tools", decision 010). Type-only
// module: client and server code import it freely.

/** The tools, by stable id (also the key of a tool's results and export fields). */
export type ToolId = "ratings" | "pairwise" | "ranking" | "criteria" | "ddx-match" | "references" | "steps" | "arguments" | "corrections" | "turns" | "suggestions" | "actions" | "citations" | "grounding" | "regions" | "record-links";

/** A problem with part of a document, at its path ("responses.<id>.ratings.<axis>"), in plain words. */
/**
 * A problem with a save: `message` is English (API, CLI); `code` and `params`, when set, let the
 * review page say it in the reader's language (decision 036).
 */
export type RatingProblem = { path: string; message: string; code?: "required"; params?: { where: string; axis: string } };

/** A rubric axis as the tools check it (RubricAxis with database nulls). */
export type AxisRule = {
  key: string;
  label: string;
  type: "SCALE" | "CHOICE" | "BOOLEAN" | "TEXT";
  appliesTo: "RESPONSE" | "PAIR" | "ITEM" | "RANKING" | "BEST_WORST" | "TURN";
  required: boolean;
  options: Array<{ value: string }>;
  min: number | null;
  max: number | null;
  allowsNotApplicable?: boolean;
  /** "note_sentences": the options are the item's sentence ids. */
  optionsFrom?: string | null;
};

/** What a document is checked against on the server: the rubric, the item, the reviewer's screen order. */
export type CheckContext = {
  axes: AxisRule[];
  /** The assignment's responses in screen order; pairwise axes compare the first two. */
  responseIds: string[];
  /** The item's case criteria; when there are any, each response must have all marked to submit. */
  criterionIds?: string[];
  /** Differential lengths by response id, when the rubric grades each entry (ddx-match). */
  differentialLengths?: Record<string, number>;
  /** The item's note sentence ids, for axes whose options are the sentences. */
  sentenceIds?: string[];
  /** Longest free-text answer (TEXT axes), sized from the item (lib/annotations/check-context.ts). */
  maxTextLength?: number;
  /** How many reference reasoning statements the item carries (reference.statements). */
  statementCount?: number;
  /** Reasoning steps (when the review labels them, or the document has step labels). */
  steps?: StepsCheckContext;
  /** Argument structure (when the review annotates it, or the document has spans). */
  arguments?: ArgumentsCheckContext;
  /** The project asks reviewers to write corrected answers (settings.corrections). */
  correctionsEnabled?: boolean;
  /** Summary items: the source document and each summary's text (the grounding tool's offsets count in them). */
  grounding?: { source: string; summaries: Record<string, string> };
  /** Per response: how many sources it cites (the citations tool). */
  citationCounts?: Record<string, number>;
  /** Per response of a trajectory item: its run's actions, which the agent took, which are tests. */
  actions?: Record<string, { count: number; judged: number[]; tests: number[] }>;
  /** Record items: the record's entry ids and each output (response content) as stored. */
  record?: { entryIds: ReadonlySet<string>; outputs: Record<string, string> };
  /** Regions on the item's images (lib/tools/regions/check-context.ts), when the item has images. */
  regions?: RegionsCheckContext;
  /** Per response: the positions of its AI turns in its transcript (dialogue responses with turns). */
  aiTurns?: Record<string, number[]>;
  /** The project shows a judge's values as suggestions (settings.suggestions): its mode, and per response the targets with a value. */
  suggestions?: {
    /** The project's mode now; null when it shows no suggestions. */
    mode: "prefilled" | "after_own" | null;
    targets: Record<string, Record<string, unknown>>;
    /** The records the stored document already holds (history: they must not change). */
    stored?: Record<string, unknown>;
  };
};

export type ArgumentsCheckContext = {
  enabled: boolean;
  /** The stored text of each annotatable target (lib/tools/arguments/targets.ts). */
  texts: Record<string, string>;
  labelSet: LabelSet;
  /** Response.id → "Response A" in the reviewer's screen order. */
  responseLabels: Record<string, string>;
};

export type RegionsCheckContext = {
  /** The project marks regions (settings.regions), or a response carries localizations to judge. */
  enabled: boolean;
  imageCount: number;
  /** The project's region label keys; empty: shapes carry no label. */
  labels: string[];
  /** Per response: how many sentences its text has (a region links to one of them). */
  sentences: Record<string, number>;
  /** Per response: how many localizations the model made (each gets a verdict). */
  modelRegions: Record<string, number>;
};

export type StepsCheckContext = {
  enabled: boolean;
  /** Per response: the latest segmentation version, and each version's step count. */
  segmentations: Record<string, { latest: number; counts: Record<number, number> }>;
  taxonomyKeys: readonly string[];
  requireKind: boolean;
};

/** Names the reviewer saw, for describing changes (history, conflict panel). */
export type ChangeLabels = {
  axes: Map<string, string>;
  /** Axis key → stored value → the label the reviewer saw ("moderate_mild" → "Moderate or mild harm"). */
  values?: Map<string, Map<string, string>>;
  /** Response.id → "Response A" in the reviewer's own screen order. */
  responses: Map<string, string>;
  /** Criterion.id → "Criterion 3". */
  criteria: Map<string, string>;
};

/**
 * One tool's part of the server: checking its block of the document against the rubric and item
 * (stricter at submit), and describing changes of its block. Export projections live in each tool's
 * export.ts (lib/export composes them); describers are zod-free because the review page runs them.
 */
export type ToolChecks = {
  id: ToolId;
  /** Bumped when the tool's block changes shape (stored documents keep working through defaults). */
  version: number;
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[];
};

type ResponseBlock = AnnotationData["responses"][string];

/**
 * How a tool describes changes of its block: per response (`who` is "Response A · ") and for the
 * document as a whole. Zod-free, type-only imports: the review page runs describers in the browser.
 */
export type ToolDescriber = {
  id: ToolId;
  response?(who: string, before: ResponseBlock | undefined, after: ResponseBlock | undefined, labels: ChangeLabels): string[];
  document?(before: AnnotationData, after: AnnotationData, labels: ChangeLabels): string[];
};

/** What an export projection sees besides the document: the item's criteria, the rubric's axes, the reviewer's order. */
export type ExportContext = {
  criteria: Array<{ id: string; position: number; text: string; points: number; tags: string[] }>;
  /** The item's reference reasoning statements (reference.statements), in order. */
  statements: string[];
  /** Step ranges (code points) by "<responseId>@<version>", for the versions the document's step labels name. */
  segmentations: Map<string, { steps: Array<{ start: number; end: number }> }>;
  axes: Array<{ key: string; appliesTo: string; polarity: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE" }>;
  /** Response ids in the reviewer's screen order. */
  order: string[];
  refs: Map<string, { responseId: string; label: string; modelName: string }>;
  /** The model's own text of each response the document corrects (corrections' edit distance). */
  originals?: Map<string, string>;
  /** Summary items: the responses that are summaries (the grounding tool exports their marks). */
  summaries?: ReadonlySet<string>;
  /** Each citing response's citations (without their passages). */
  citations?: Map<string, CitationRef[]>;
  /** Record items whose document links statements: each entry's section, date and title, by id. */
  recordEntries?: Map<string, { section: string; date?: string; title: string }>;
  /** Items whose document marks regions: the item's images (src, pixel spacing in mm as [row, column]). */
  regionImages?: Array<{ src: string; spacing?: [number, number] }>;
  /** Each response's own localizations (vqa responses that carry regions). */
  modelRegions?: Map<string, ModelRegion[]>;
  /** Response texts, where the document links regions to their sentences. */
  regionTexts?: Map<string, string>;
  /** Trajectory items: each response's run, action by action (type, who, tool, test, cost). */
  actions?: Map<string, Array<{ type: ActionType; role?: string; tool?: string; test?: string; costUsd?: number }>>;
};

/** One CSV row: the response it is about (or none), target, axis, value, comment, criterion columns. */
export type CsvRow = (
  response: { responseId: string; label: string; modelName: string; shownAs?: number } | null,
  target: string,
  axis: string,
  value: string,
  comment: string,
  criterion?: { criterionId: string; text: string; points: number },
  /** Per-turn ratings: the turn's position in the response's transcript, from 1. */
  turn?: number,
) => string[];
