import { z } from "zod";
import { crossFieldIssues } from "./cross-field-checks";
import { describeImportIssue } from "./import-issues";
import { itemAnalysisSchema, responseAnalysisSchema } from "./analysis-fields";
import { actionImportSchema, actionSchema, audioImportSchema, audioSchema, citationImportSchema, modelRegionImportSchema, numericKeySchema, numericValueSchema, pixelSpacingSchema } from "./answer-parts";
import { freeJson, ident, LIMITS, requiredText, text } from "./field-rules";
import { patientRecordSchema, recordImportSchema } from "./patient-record";

export { LIMITS } from "./field-rules";
export * from "./answer-parts";

// One JSONL line (or flattened CSV row) of an item import: a discriminated union on `kind`, one
// schema per item kind (DESIGN.md). Everything here is client-safe: the review page reuses the
// stored shapes (`*InputSchema`) to read Item.input back.
//
// Fidelity (README "Import formats", decision 006): content — question, context, text, case,
// turns, response content and reasoning, option and criterion text, sentences, diagnoses — is
// stored byte for byte (offsets into it and "corrected text = text with the correction applied"
// depend on every character); a required one that is blank is still an error. Identifiers —
// externalId, modelName, language, specialty, option keys, chosen and correct options, tags,
// image src/modality/view — are trimmed. Messages come from one place (import-issues.ts); rules
// that span fields from another (cross-field-checks.ts), so they run even when a field fails.

const metadataSchema = freeJson(z.record(z.string(), z.unknown()), LIMITS.metadata).default({});

// Import shapes are strict: a field the schema does not know (a typo such as "questoin", or data
// meant for metadata) is an error, not silently dropped. The stored shapes further down are
// lenient, since they read back rows written under earlier rules.

export const DIALOGUE_ROLES = ["user", "assistant", "patient", "clinician", "system"] as const;
const turnImportSchema = z.strictObject({
  role: z.enum(DIALOGUE_ROLES),
  content: requiredText(LIMITS.content),
});

const differentialImportSchema = z.strictObject({
  diagnosis: requiredText(500),
  rationale: text(20_000).optional(),
});

export const responseImportSchema = z.strictObject({
  modelName: ident(LIMITS.modelName),
  /** Markdown. Optional for `ddx` (the list is the answer) and `mcq` (the choice is the answer). */
  content: text(LIMITS.content).default(""),
  reasoning: text(LIMITS.reasoning).optional(),
  /** Segmentation of `reasoning` into steps (character ranges); used by the step annotator. */
  steps: z.array(z.strictObject({ start: z.int().min(0), end: z.int().min(0) })).max(1000).optional(),
  /** mcq: the option key the model chose. */
  choice: ident(10).optional(),
  /** mcq with several correct options: every option key the model chose. */
  choices: z.array(ident(10)).min(1).max(26).optional(),
  /** qa with a numeric key: the number the model answered, with its unit. */
  numeric: numericValueSchema.optional(),
  /** ddx: ranked differential, most likely first. */
  differential: z.array(differentialImportSchema).min(1).max(50).optional(),
  /** dialogue rated as a whole: the model's side of the conversation, turn by turn. */
  turns: z.array(turnImportSchema).min(1).max(LIMITS.turns).optional(),
  /** The sources the response cites (evidence to check). */
  citations: z.array(citationImportSchema).min(1).max(100).optional(),
  /** trajectory: the agent's run, action by action. */
  actions: z.array(actionImportSchema).min(1).max(LIMITS.actions).optional(),
  /** vqa: the model's own localizations on the item's images (boxes, polygons, points). */
  regions: z.array(modelRegionImportSchema).min(1).max(200).optional(),
  metadata: metadataSchema,
  /** Typed facts for analysis: cost, tokens, latency, prompt variant, training cutoff (analysis-fields.ts). */
  analysis: responseAnalysisSchema.default({}),
});
export type ResponseImport = z.output<typeof responseImportSchema>;

// HealthBench calls the text `criterion`; both spellings are accepted (one is required: a
// cross-field rule, so that it is reported even when `points` is wrong too).
export const criterionImportSchema = z
  .strictObject({
    text: requiredText(LIMITS.criterion).optional(),
    criterion: requiredText(LIMITS.criterion).optional(),
    points: z.int().min(-10).max(10).refine((p) => p !== 0, { params: { rule: "zeroPoints" } }),
    tags: z.array(ident(200)).max(50).default([]),
  })
  .transform((c) => ({ text: (c.text ?? c.criterion)!, points: c.points, tags: c.tags }));
export type CriterionImport = z.output<typeof criterionImportSchema>;

/** Known answers for gold items, keyed by the response's import label (A, B, …) and axis key. */
export const goldSchema = z.object({
  responses: z.record(z.string().regex(/^[A-Z]$/), z.record(z.string(), z.unknown())).default({}),
  item: z.record(z.string(), z.unknown()).default({}),
  /** Pairwise axes: "A", "B" (import labels) or "tie". */
  pair: z.record(z.string(), z.enum(["A", "B", "tie"])).default({}),
});
export type Gold = z.infer<typeof goldSchema>;

const referenceSchema = freeJson(
  z.looseObject({
    answer: text(200_000).optional(),
    explanation: text(200_000).optional(),
    gold: goldSchema.optional(),
    /** Reference reasoning statements written by clinicians (MedCaseReasoning); reviewers mark each covered or not. */
    statements: z.array(requiredText(5000)).min(1).max(100).optional(),
  }),
  LIMITS.reference,
);

const baseItemSchema = z.strictObject({
  // A number is accepted when it is a whole number JavaScript holds exactly; longer ids go in quotes.
  externalId: z.union([ident(LIMITS.externalId), z.int().transform(String)]),
  language: ident(20, 2).default("en"),
  specialty: ident(120, 0).optional(),
  isGold: z.boolean().default(false),
  metadata: metadataSchema,
  /** Typed facts for analysis: variant, patient group, date (analysis-fields.ts). */
  analysis: itemAnalysisSchema.default({}),
  /** The externalId of the item this one is a variant of (perturbed, translated, re-prompted), in the same project. */
  variantOf: z.union([ident(LIMITS.externalId), z.int().transform(String)]).optional(),
  reference: referenceSchema.optional(),
  criteria: z.array(criterionImportSchema).max(200).default([]),
  responses: z.array(responseImportSchema).min(1).max(26),
});

export const qaItemImportSchema = baseItemSchema.extend({
  kind: z.literal("qa").default("qa"),
  question: requiredText(LIMITS.question),
  context: text(LIMITS.context).optional(),
  /** A numeric question's accepted answer (calculators, doses, scores): responses' `numeric` are graded against it. */
  numeric: numericKeySchema.optional(),
  audio: audioImportSchema.optional(),
});

const mcqOptionImportSchema = z.strictObject({ key: ident(10), text: requiredText(LIMITS.option) });

// Either [{key, text}], a plain list (keys A, B, … are given) or an object {"A": "…"}. The forms
// are normalized after the union, not inside it: a branch with a transform hides its field errors
// (zod then reports only "invalid union"), and "option 2 must not be blank" is the useful message.
export const mcqOptionsSchema = z
  .union([z.array(mcqOptionImportSchema), z.array(requiredText(LIMITS.option)), z.record(z.string(), requiredText(LIMITS.option))])
  .transform((options) => {
    if (!Array.isArray(options)) return Object.entries(options).map(([key, text]) => ({ key: key.trim(), text }));
    return options.map((o, i) => (typeof o === "string" ? { key: String.fromCharCode(65 + i), text: o } : o));
  })
  .pipe(z.array(mcqOptionImportSchema).min(2).max(26));

export const mcqItemImportSchema = baseItemSchema.extend({
  kind: z.literal("mcq"),
  question: requiredText(LIMITS.question),
  options: mcqOptionsSchema,
  correctOption: ident(10).optional(),
  /** Several correct options (select all that apply): a response is right when it chose exactly these. */
  correctOptions: z.array(ident(10)).min(1).max(26).optional(),
});

export const dialogueItemImportSchema = baseItemSchema.extend({
  kind: z.literal("dialogue"),
  turns: z.array(turnImportSchema).min(1).max(LIMITS.turns),
  /** The consultation's recording, when it was spoken. */
  audio: audioImportSchema.optional(),
});

const imageImportSchema = z.strictObject({
  /** A path under the project's image directory (CONSILIUM_IMAGE_DIR) or an https URL on the allow-list. */
  src: ident(2000),
  modality: ident(100, 0).optional(),
  view: ident(100, 0).optional(),
  caption: text(2000).optional(),
  /** Millimetres per pixel (a number, or [row, column]): measurements on the image are then in mm. */
  spacing: pixelSpacingSchema.optional(),
});

export const IMAGE_LAYOUTS = ["tabs", "stack", "compare"] as const;

export const vqaItemImportSchema = baseItemSchema.extend({
  kind: z.literal("vqa"),
  question: requiredText(LIMITS.question),
  /** Up to 200: a stack of slices can be long. */
  images: z.array(imageImportSchema).min(1).max(200),
  /** How several images are shown: tabs (default), a stack of slices, or side by side zooming together (prior and current). */
  layout: z.enum(IMAGE_LAYOUTS).optional(),
});

export const sentenceSchema = z.strictObject({ id: z.union([ident(50), z.int()]).transform(String), text: text(LIMITS.sentence) });
export type Sentence = z.infer<typeof sentenceSchema>;

export const noteItemImportSchema = baseItemSchema.extend({
  kind: z.literal("note"),
  text: requiredText(LIMITS.noteText),
  /** Sentence segmentation with stable ids (MEDEC numbers them from 0); derived from `text` when absent. */
  sentences: z.array(sentenceSchema).max(5000).optional(),
  // The note itself is what is reviewed; model outputs about it are optional.
  responses: z.array(responseImportSchema).max(26).default([]),
});

export const ddxItemImportSchema = baseItemSchema.extend({
  kind: z.literal("ddx"),
  case: requiredText(LIMITS.case),
});

/** An agent's task: the case it was given, and the tools it could call (name, what it does). */
export const trajectoryItemImportSchema = baseItemSchema.extend({
  kind: z.literal("trajectory"),
  case: requiredText(LIMITS.case),
  tools: z.array(z.strictObject({ name: ident(200), description: text(5000).optional() })).max(100).optional(),
});

/** A source document (a discharge letter, a record, a paper) that each response summarizes. */
export const summaryItemImportSchema = baseItemSchema.extend({
  kind: z.literal("summary"),
  source: requiredText(LIMITS.noteText),
  /** What the summary is for ("discharge summary for the GP"), shown above the source. */
  instruction: text(5000).optional(),
});

/** A long structured patient record (FHIR R4 Bundle or the documented timeline) and a task; each response is a model's output about it. */
export const recordItemImportSchema = baseItemSchema.extend({
  kind: z.literal("record"),
  question: requiredText(LIMITS.question),
  record: recordImportSchema,
});

export const ITEM_KINDS = ["qa", "mcq", "dialogue", "vqa", "note", "ddx", "trajectory", "summary", "record"] as const;
export type ItemKindKey = (typeof ITEM_KINDS)[number];

const byKind = {
  qa: qaItemImportSchema,
  mcq: mcqItemImportSchema,
  dialogue: dialogueItemImportSchema,
  vqa: vqaItemImportSchema,
  note: noteItemImportSchema,
  ddx: ddxItemImportSchema,
  trajectory: trajectoryItemImportSchema,
  summary: summaryItemImportSchema,
  record: recordItemImportSchema,
} as const;

/**
 * Picks the schema by `kind` (default `qa`) so that errors name the fields of that kind rather
 * than listing every alternative of the union. Every field error of the line is reported, and the
 * rules across fields run on the raw input so they are reported alongside (zod skips refinements
 * once a field has failed).
 */
export const itemImportSchema = z
  .looseObject({ kind: z.enum(ITEM_KINDS, { error: describeImportIssue }).default("qa") }, { error: describeImportIssue })
  .transform((raw, ctx) => {
    const parsed = byKind[raw.kind].safeParse(raw, { error: describeImportIssue });
    const issues = [...(parsed.success ? [] : parsed.error.issues), ...crossFieldIssues(raw.kind, raw)];
    if (!issues.length && parsed.success) return parsed.data;
    const seen = new Set<string>();
    for (const issue of issues) {
      const key = `${issue.path.join(".")}\u0000${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path as PropertyKey[] });
    }
    return z.NEVER;
  });
export type ItemImport =
  | z.output<typeof qaItemImportSchema>
  | z.output<typeof mcqItemImportSchema>
  | z.output<typeof dialogueItemImportSchema>
  | z.output<typeof vqaItemImportSchema>
  | z.output<typeof noteItemImportSchema>
  | z.output<typeof ddxItemImportSchema>
  | z.output<typeof trajectoryItemImportSchema>
  | z.output<typeof summaryItemImportSchema>
  | z.output<typeof recordItemImportSchema>;

// ---- stored shapes (Item.input / Response.answer), read back by the review page and exports ----

export const turnSchema = z.object({ role: z.enum(DIALOGUE_ROLES), content: z.string() });
export type Turn = z.infer<typeof turnSchema>;
export const differentialEntrySchema = z.object({ diagnosis: z.string(), rationale: z.string().optional() });
export type DifferentialEntry = z.infer<typeof differentialEntrySchema>;
export const mcqOptionSchema = z.object({ key: z.string(), text: z.string() });
export type McqOption = z.infer<typeof mcqOptionSchema>;
export const imageSchema = z.object({ src: z.string(), modality: z.string().optional(), view: z.string().optional(), caption: z.string().optional(), spacing: z.tuple([z.number(), z.number()]).optional() });
export type ImageRef = z.infer<typeof imageSchema>;

export const qaInputSchema = z.object({ question: z.string(), context: z.string().optional(), audio: audioSchema.optional() });
export const mcqInputSchema = z.object({ question: z.string(), options: z.array(mcqOptionSchema) });
export const dialogueInputSchema = z.object({ turns: z.array(turnSchema), audio: audioSchema.optional() });
export const vqaInputSchema = z.object({ question: z.string(), images: z.array(imageSchema), layout: z.enum(IMAGE_LAYOUTS).optional() });
export const noteInputSchema = z.object({ text: z.string(), sentences: z.array(z.object({ id: z.string(), text: z.string() })) });
export const ddxInputSchema = z.object({ case: z.string() });
export const trajectoryInputSchema = z.object({ case: z.string(), tools: z.array(z.object({ name: z.string(), description: z.string().optional() })).optional() });
export const summaryInputSchema = z.object({ source: z.string(), instruction: z.string().optional() });
export const recordInputSchema = z.object({ question: z.string(), record: patientRecordSchema });

export type ItemInput =
  | ({ kind: "qa" } & z.infer<typeof qaInputSchema>)
  | ({ kind: "mcq" } & z.infer<typeof mcqInputSchema>)
  | ({ kind: "dialogue" } & z.infer<typeof dialogueInputSchema>)
  | ({ kind: "vqa" } & z.infer<typeof vqaInputSchema>)
  | ({ kind: "note" } & z.infer<typeof noteInputSchema>)
  | ({ kind: "ddx" } & z.infer<typeof ddxInputSchema>)
  | ({ kind: "trajectory" } & z.infer<typeof trajectoryInputSchema>)
  | ({ kind: "summary" } & z.infer<typeof summaryInputSchema>)
  | ({ kind: "record" } & z.infer<typeof recordInputSchema>);

const inputSchemas = { qa: qaInputSchema, mcq: mcqInputSchema, dialogue: dialogueInputSchema, vqa: vqaInputSchema, note: noteInputSchema, ddx: ddxInputSchema, trajectory: trajectoryInputSchema, summary: summaryInputSchema, record: recordInputSchema } as const;

/** Reads Item.input back with its kind (`kind` is the Prisma enum, upper case). */
export function parseItemInput(kind: string, input: unknown): ItemInput {
  const key = kind.toLowerCase() as ItemKindKey;
  const schema = inputSchemas[key];
  if (!schema) throw new Error(`Unknown item kind ${kind}.`);
  return { kind: key, ...schema.parse(input) } as ItemInput;
}

export const responseAnswerSchema = z.object({
  choice: z.string().optional(),
  choices: z.array(z.string()).optional(),
  numeric: z.object({ value: z.number(), unit: z.string().optional() }).optional(),
  differential: z.array(differentialEntrySchema).optional(),
  turns: z.array(turnSchema).optional(),
  actions: z.array(actionSchema).optional(),
  citations: z.array(z.object({ claim: z.string().optional(), title: z.string(), url: z.string().optional(), doi: z.string().optional(), pmid: z.string().optional(), passage: z.string().optional() })).optional(),
  regions: z
    .array(z.object({ image: z.number(), label: z.string().optional(), box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(), polygon: z.array(z.tuple([z.number(), z.number()])).optional(), point: z.tuple([z.number(), z.number()]).optional(), score: z.number().optional() }))
    .optional(),
});
export type ResponseAnswer = z.infer<typeof responseAnswerSchema>;

/**
 * Splits a note into sentences when the import does not give them (ids from 0, as MEDEC numbers
 * them): at a line break, or after . ! ? followed by space and a capital, digit or opening mark, so
 * decimals ("38.6") and lower-case abbreviations ("e.g. this") stay inside their sentence.
 */
export function splitSentences(text: string): Sentence[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"'(\[])|\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t, i) => ({ id: String(i), text: t }));
}

/** What goes into Item.input for an imported item. */
export function itemInputOf(item: ItemImport): Record<string, unknown> {
  switch (item.kind) {
    case "qa":
      return { question: item.question, ...(item.context ? { context: item.context } : {}), ...(item.audio ? { audio: item.audio } : {}) };
    case "mcq":
      return { question: item.question, options: item.options };
    case "dialogue":
      return { turns: item.turns, ...(item.audio ? { audio: item.audio } : {}) };
    case "vqa":
      return { question: item.question, images: item.images, ...(item.layout ? { layout: item.layout } : {}) };
    case "note":
      return { text: item.text, sentences: item.sentences ?? splitSentences(item.text) };
    case "ddx":
      return { case: item.case };
    case "trajectory":
      return { case: item.case, ...(item.tools ? { tools: item.tools } : {}) };
    case "summary":
      return { source: item.source, ...(item.instruction ? { instruction: item.instruction } : {}) };
    case "record":
      return { question: item.question, record: item.record };
  }
}

/** What goes into Item.reference (mcq's correct option joins the free-form reference). */
export function itemReferenceOf(item: ItemImport): Record<string, unknown> | null {
  const reference: Record<string, unknown> = { ...(item.reference ?? {}) };
  if (item.kind === "mcq" && item.correctOption) reference.correctOption = item.correctOption;
  if (item.kind === "mcq" && item.correctOptions) reference.correctOptions = item.correctOptions;
  if (item.kind === "qa" && item.numeric) reference.numeric = item.numeric;
  return Object.keys(reference).length ? reference : null;
}

export function responseAnswerOf(r: ResponseImport): ResponseAnswer | null {
  const answer: ResponseAnswer = {
    ...(r.choice ? { choice: r.choice } : {}),
    ...(r.choices ? { choices: r.choices } : {}),
    ...(r.numeric ? { numeric: r.numeric } : {}),
    ...(r.differential ? { differential: r.differential } : {}),
    ...(r.turns ? { turns: r.turns } : {}),
    ...(r.actions ? { actions: r.actions } : {}),
    ...(r.citations ? { citations: r.citations } : {}),
    ...(r.regions ? { regions: r.regions } : {}),
  };
  return Object.keys(answer).length ? answer : null;
}

export function responseLabel(position: number): string {
  return String.fromCharCode(65 + position);
}
