import { z } from "zod";

// One JSONL line (or flattened CSV row) of an item import: a discriminated union on `kind`, one
// schema per item kind (DESIGN.md). Everything here is client-safe: the review page reuses the
// stored shapes (`*InputSchema`) to read Item.input back.

const metadataSchema = z.record(z.string(), z.unknown()).default({});
const markdown = (what: string, max = 200_000) => z.string().trim().min(1, { error: `${what} is required.` }).max(max);

export const DIALOGUE_ROLES = ["user", "assistant", "patient", "clinician", "system"] as const;
export const turnSchema = z.object({
  role: z.enum(DIALOGUE_ROLES, { error: `role must be one of ${DIALOGUE_ROLES.join(", ")}.` }),
  content: z.string().max(200_000),
});
export type Turn = z.infer<typeof turnSchema>;

export const differentialEntrySchema = z.object({
  diagnosis: z.string().trim().min(1, { error: "diagnosis is required." }).max(500),
  rationale: z.string().max(20_000).optional(),
});
export type DifferentialEntry = z.infer<typeof differentialEntrySchema>;

export const responseImportSchema = z.object({
  modelName: z.string().trim().min(1, { error: "modelName is required." }).max(200),
  /** Markdown. Optional for `ddx` (the list is the answer) and `mcq` (the choice is the answer). */
  content: z.string().max(200_000).default(""),
  reasoning: z.string().max(500_000).optional(),
  /** Segmentation of `reasoning` into steps (character ranges); used by the step annotator. */
  steps: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })).optional(),
  /** mcq: the option key the model chose. */
  choice: z.string().trim().min(1).max(10).optional(),
  /** ddx: ranked differential, most likely first. */
  differential: z.array(differentialEntrySchema).min(1).max(50).optional(),
  /** dialogue rated as a whole: the model's side of the conversation, turn by turn. */
  turns: z.array(turnSchema).min(1).max(500).optional(),
  metadata: metadataSchema,
});
export type ResponseImport = z.output<typeof responseImportSchema>;

export const criterionImportSchema = z
  .object({
    // HealthBench calls it `criterion`; both spellings are accepted.
    text: z.string().trim().min(1).max(20_000).optional(),
    criterion: z.string().trim().min(1).max(20_000).optional(),
    points: z
      .number({ error: "points must be a number." })
      .int({ error: "points must be a whole number." })
      .min(-10, { error: "points run from -10 to 10." })
      .max(10, { error: "points run from -10 to 10." })
      .refine((p) => p !== 0, { error: "points cannot be 0." }),
    tags: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  })
  .refine((c) => c.text ?? c.criterion, { error: "criterion text is required.", path: ["text"] })
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

const referenceSchema = z.looseObject({
  answer: z.string().max(200_000).optional(),
  explanation: z.string().max(200_000).optional(),
  gold: goldSchema.optional(),
});

const baseItemSchema = z.object({
  externalId: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1, { error: "externalId is required." }).max(200)),
  language: z.string().trim().min(2).max(20).default("en"),
  specialty: z.string().trim().max(120).optional(),
  isGold: z.boolean().default(false),
  metadata: metadataSchema,
  reference: referenceSchema.optional(),
  criteria: z.array(criterionImportSchema).max(200).default([]),
  responses: z.array(responseImportSchema).min(1, { error: "at least one response is required." }).max(26),
});

const needsContent = (r: ResponseImport) => r.content.trim().length > 0;

export const qaItemImportSchema = baseItemSchema.extend({
  kind: z.literal("qa").default("qa"),
  question: markdown("question", 100_000),
  context: z.string().max(200_000).optional(),
  responses: baseItemSchema.shape.responses.refine((rs) => rs.every(needsContent), { error: "every response needs content." }),
});

export const mcqOptionSchema = z.object({ key: z.string().trim().min(1).max(10), text: z.string().trim().min(1).max(20_000) });
export type McqOption = z.infer<typeof mcqOptionSchema>;

export const mcqItemImportSchema = baseItemSchema
  .extend({
    kind: z.literal("mcq"),
    question: markdown("question", 100_000),
    // Either [{key, text}], a plain list (keys A, B, … are given) or an object {"A": "…"}.
    options: z
      .union([
        z.array(mcqOptionSchema),
        z.array(z.string().trim().min(1).max(20_000)).transform((texts) => texts.map((text, i) => ({ key: String.fromCharCode(65 + i), text }))),
        z.record(z.string(), z.string()).transform((map) => Object.entries(map).map(([key, text]) => ({ key, text }))),
      ])
      .pipe(z.array(mcqOptionSchema).min(2, { error: "an mcq needs at least two options." }).max(26)),
    correctOption: z.string().trim().min(1).max(10).optional(),
  })
  .superRefine((item, ctx) => {
    const keys = new Set(item.options.map((o) => o.key));
    if (keys.size !== item.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "option keys must be unique." });
    if (item.correctOption && !keys.has(item.correctOption))
      ctx.addIssue({ code: "custom", path: ["correctOption"], message: `"${item.correctOption}" is not one of the options.` });
    item.responses.forEach((r, i) => {
      if (!r.choice) ctx.addIssue({ code: "custom", path: ["responses", i, "choice"], message: "each mcq response needs the chosen option." });
      else if (!keys.has(r.choice)) ctx.addIssue({ code: "custom", path: ["responses", i, "choice"], message: `"${r.choice}" is not one of the options.` });
    });
  });

export const dialogueItemImportSchema = baseItemSchema
  .extend({
    kind: z.literal("dialogue"),
    turns: z.array(turnSchema).min(1, { error: "a dialogue needs at least one turn." }).max(500),
  })
  .superRefine((item, ctx) => {
    item.responses.forEach((r, i) => {
      if (!needsContent(r) && !r.turns) ctx.addIssue({ code: "custom", path: ["responses", i, "content"], message: "a dialogue response needs content (the AI turn) or turns." });
    });
  });

export const imageSchema = z.object({
  /** A path under the project's image directory (CONSILIUM_IMAGE_DIR) or an https URL on the allow-list. */
  src: z.string().trim().min(1, { error: "image src is required." }).max(2000),
  modality: z.string().trim().max(100).optional(),
  view: z.string().trim().max(100).optional(),
  caption: z.string().trim().max(2000).optional(),
});
export type ImageRef = z.infer<typeof imageSchema>;

export const vqaItemImportSchema = baseItemSchema.extend({
  kind: z.literal("vqa"),
  question: markdown("question", 100_000),
  images: z.array(imageSchema).min(1, { error: "a vqa item needs at least one image." }).max(20),
  responses: baseItemSchema.shape.responses.refine((rs) => rs.every(needsContent), { error: "every response needs content." }),
});

export const sentenceSchema = z.object({ id: z.union([z.number().int(), z.string()]).transform(String), text: z.string() });
export type Sentence = z.infer<typeof sentenceSchema>;

export const noteItemImportSchema = baseItemSchema.extend({
  kind: z.literal("note"),
  text: markdown("text", 500_000),
  /** Sentence segmentation with stable ids (MEDEC numbers them from 0); derived from `text` when absent. */
  sentences: z.array(sentenceSchema).max(5000).optional(),
  // The note itself is what is reviewed; model outputs about it are optional.
  responses: z.array(responseImportSchema).max(26).default([]),
});

export const ddxItemImportSchema = baseItemSchema
  .extend({
    kind: z.literal("ddx"),
    case: markdown("case", 200_000),
  })
  .superRefine((item, ctx) => {
    item.responses.forEach((r, i) => {
      if (!r.differential) ctx.addIssue({ code: "custom", path: ["responses", i, "differential"], message: "each ddx response needs a ranked differential list." });
    });
  });

export const ITEM_KINDS = ["qa", "mcq", "dialogue", "vqa", "note", "ddx"] as const;
export type ItemKindKey = (typeof ITEM_KINDS)[number];

const byKind = {
  qa: qaItemImportSchema,
  mcq: mcqItemImportSchema,
  dialogue: dialogueItemImportSchema,
  vqa: vqaItemImportSchema,
  note: noteItemImportSchema,
  ddx: ddxItemImportSchema,
} as const;

/**
 * Picks the schema by `kind` (default `qa`) so that errors name the fields of that kind rather
 * than listing every alternative of the union.
 */
export const itemImportSchema = z
  .looseObject({ kind: z.enum(ITEM_KINDS, { error: `kind must be one of ${ITEM_KINDS.join(", ")}.` }).default("qa") })
  .transform((raw, ctx) => {
    const parsed = byKind[raw.kind].safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path as PropertyKey[] });
    return z.NEVER;
  });
export type ItemImport =
  | z.output<typeof qaItemImportSchema>
  | z.output<typeof mcqItemImportSchema>
  | z.output<typeof dialogueItemImportSchema>
  | z.output<typeof vqaItemImportSchema>
  | z.output<typeof noteItemImportSchema>
  | z.output<typeof ddxItemImportSchema>;

// ---- stored shapes (Item.input / Response.answer), read back by the review page and exports ----

export const qaInputSchema = z.object({ question: z.string(), context: z.string().optional() });
export const mcqInputSchema = z.object({ question: z.string(), options: z.array(mcqOptionSchema) });
export const dialogueInputSchema = z.object({ turns: z.array(turnSchema) });
export const vqaInputSchema = z.object({ question: z.string(), images: z.array(imageSchema) });
export const noteInputSchema = z.object({ text: z.string(), sentences: z.array(z.object({ id: z.string(), text: z.string() })) });
export const ddxInputSchema = z.object({ case: z.string() });

export type ItemInput =
  | ({ kind: "qa" } & z.infer<typeof qaInputSchema>)
  | ({ kind: "mcq" } & z.infer<typeof mcqInputSchema>)
  | ({ kind: "dialogue" } & z.infer<typeof dialogueInputSchema>)
  | ({ kind: "vqa" } & z.infer<typeof vqaInputSchema>)
  | ({ kind: "note" } & z.infer<typeof noteInputSchema>)
  | ({ kind: "ddx" } & z.infer<typeof ddxInputSchema>);

const inputSchemas = { qa: qaInputSchema, mcq: mcqInputSchema, dialogue: dialogueInputSchema, vqa: vqaInputSchema, note: noteInputSchema, ddx: ddxInputSchema } as const;

/** Reads Item.input back with its kind (`kind` is the Prisma enum, upper case). */
export function parseItemInput(kind: string, input: unknown): ItemInput {
  const key = kind.toLowerCase() as ItemKindKey;
  const schema = inputSchemas[key];
  if (!schema) throw new Error(`Unknown item kind ${kind}.`);
  return { kind: key, ...schema.parse(input) } as ItemInput;
}

export const responseAnswerSchema = z.object({
  choice: z.string().optional(),
  differential: z.array(differentialEntrySchema).optional(),
  turns: z.array(turnSchema).optional(),
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
      return { question: item.question, ...(item.context ? { context: item.context } : {}) };
    case "mcq":
      return { question: item.question, options: item.options };
    case "dialogue":
      return { turns: item.turns };
    case "vqa":
      return { question: item.question, images: item.images };
    case "note":
      return { text: item.text, sentences: item.sentences ?? splitSentences(item.text) };
    case "ddx":
      return { case: item.case };
  }
}

/** What goes into Item.reference (mcq's correct option joins the free-form reference). */
export function itemReferenceOf(item: ItemImport): Record<string, unknown> | null {
  const reference: Record<string, unknown> = { ...(item.reference ?? {}) };
  if (item.kind === "mcq" && item.correctOption) reference.correctOption = item.correctOption;
  return Object.keys(reference).length ? reference : null;
}

export function responseAnswerOf(r: ResponseImport): ResponseAnswer | null {
  const answer: ResponseAnswer = {
    ...(r.choice ? { choice: r.choice } : {}),
    ...(r.differential ? { differential: r.differential } : {}),
    ...(r.turns ? { turns: r.turns } : {}),
  };
  return Object.keys(answer).length ? answer : null;
}

export function responseLabel(position: number): string {
  return String.fromCharCode(65 + position);
}
