import { z } from "zod";
import { freeJson, ident, LIMITS, requiredText, text } from "./field-rules";

// Parts of items and responses added for the newest studies (issue 13), import and stored shapes:
// numeric answers and their keys, an agent's actions, cited sources, recordings. Client-safe; the
// item schema (./schema.ts) composes them and re-exports them.

/** A number with its unit, as a model answered (MedCalc-Bench style). */
export const numericValueSchema = z.strictObject({
  value: z.number(),
  unit: ident(40).optional(),
});

/**
 * The accepted answer of a numeric question: the value with its unit, and the accepted range as
 * MedCalc-Bench gives it (`lower`/`upper`), or a tolerance around the value (absolute, or relative
 * as a fraction: 0.05 = ±5 %). Without any, only the exact value is accepted.
 */
export const numericKeySchema = z.strictObject({
  value: z.number(),
  unit: ident(40).optional(),
  lower: z.number().optional(),
  upper: z.number().optional(),
  tolerance: z.number().min(0).optional(),
  relativeTolerance: z.number().min(0).max(1).optional(),
});
export type NumericKey = z.infer<typeof numericKeySchema>;

/**
 * One step of an agent's run (trajectory items): what the agent said or thought, a tool it called with
 * its arguments, what the tool returned, a test it ordered (with its cost when given), its final
 * answer. `role` says who produced a message (the agent by default; the user, a gatekeeper or the
 * environment otherwise). Arguments and results may be any JSON; they are shown formatted.
 */
export const ACTION_TYPES = ["message", "thought", "tool_call", "tool_result", "test", "final_answer"] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ACTION_ROLES = ["agent", "user", "gatekeeper", "environment"] as const;
export const actionImportSchema = z.strictObject({
  type: z.enum(ACTION_TYPES),
  role: z.enum(ACTION_ROLES).optional(),
  content: text(LIMITS.content).optional(),
  tool: ident(200).optional(),
  arguments: freeJson(z.unknown(), LIMITS.content).optional(),
  result: freeJson(z.unknown(), LIMITS.content).optional(),
  test: ident(500).optional(),
  costUsd: z.number().min(0).max(1_000_000).optional(),
});
export type ActionImport = z.infer<typeof actionImportSchema>;

/** A source the response cites: what it is (title, and a URL, DOI or PMID when given), the claim it backs, the passage it quotes or retrieved. */
export const citationImportSchema = z.strictObject({
  claim: text(20_000).optional(),
  title: requiredText(2000),
  url: ident(2000).optional(),
  doi: ident(300).optional(),
  pmid: ident(40).optional(),
  passage: text(LIMITS.content).optional(),
});

const pixel = z.number().min(0).max(100_000);
const pixelPoint = z.tuple([pixel, pixel]);

/**
 * A model's own localization on one of the item's images (image: 0-based index, default the first):
 * a COCO-style box [x, y, width, height], a polygon, or a point, in the image's pixels; with the
 * model's label and confidence when it gives them. The reviewer marks each correct, partly or incorrect.
 */
export const modelRegionImportSchema = z.strictObject({
  image: z.int().min(0).max(199).default(0),
  label: ident(200).optional(),
  box: z.tuple([pixel, pixel, pixel.min(0.1), pixel.min(0.1)]).optional(),
  polygon: z.array(pixelPoint).min(3).max(500).optional(),
  point: pixelPoint.optional(),
  score: z.number().min(0).max(1).optional(),
});

/** Millimetres per pixel: one number (square pixels) or [row, column] as DICOM's PixelSpacing. */
export const pixelSpacingSchema = z.union([z.number().positive().max(1000).transform((v): [number, number] => [v, v]), z.tuple([z.number().positive().max(1000), z.number().positive().max(1000)])]);

/**
 * A recording to play beside the item (a voice consultation, a dictated note): a file uploaded to
 * the image directory (.mp3, .wav, .ogg, .m4a), with its transcript when given, one entry per
 * utterance (times in seconds from the start let the reviewer jump to it).
 */
export const audioImportSchema = z.strictObject({
  src: ident(2000),
  caption: text(2000).optional(),
  transcript: z
    .array(z.strictObject({ speaker: ident(100).optional(), start: z.number().min(0).optional(), end: z.number().min(0).optional(), text: requiredText(LIMITS.content) }))
    .min(1)
    .max(LIMITS.turns * 4)
    .optional(),
});

// ---- stored shapes (read back by the review page and exports) ----

export const audioSchema = z.object({
  src: z.string(),
  caption: z.string().optional(),
  transcript: z.array(z.object({ speaker: z.string().optional(), start: z.number().optional(), end: z.number().optional(), text: z.string() })).optional(),
});
export type AudioRef = z.infer<typeof audioSchema>;
export const actionSchema = z.object({
  type: z.enum(ACTION_TYPES),
  role: z.enum(ACTION_ROLES).optional(),
  content: z.string().optional(),
  tool: z.string().optional(),
  arguments: z.unknown().optional(),
  result: z.unknown().optional(),
  test: z.string().optional(),
  costUsd: z.number().optional(),
});
export type Action = z.infer<typeof actionSchema>;
