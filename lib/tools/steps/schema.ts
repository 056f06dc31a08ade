import { z } from "zod";
import { storableString } from "@/lib/validation/storable";
import { STEP_KINDS, STEP_SEVERITIES, STEP_VERDICTS } from "./taxonomy";

// The reasoning-steps tool's block of the annotation document, one per response, and a project's
// editable error taxonomy (decision 012). Client-safe zod: forms and the server parse with the same
// schemas. The browser should import values from ./taxonomy.ts and ./check-block.ts instead (both
// zod-free; zod's eval probe breaks the review page's Content-Security-Policy) and only types here.

/** Step indices are 0-based decimal keys without leading zeros ("0", "1", … "59"), so "01" cannot alias "1". */
const STEP_INDEX_MESSAGE = "A step is named by its position: 0, 1, 2, …";
const stepIndexKey = z.string().regex(/^(?:0|[1-9]\d{0,3})$/, { error: STEP_INDEX_MESSAGE });
const errorTypeKey = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, { error: "An error type's key is lower-case letters, digits and underscores (snake_case), starting with a letter, at most 48 characters." });

// Plain objects (unknown fields are dropped, as everywhere in the document): a stored document that
// failed to parse would be read as empty. Keys are checked against the project in check-block.ts.
export const stepLabelSchema = z.object({
  verdict: z.enum(STEP_VERDICTS).optional(),
  /** MedR-Bench's type of the step; optional unless the project asks for it (decision 012). */
  kind: z.enum(STEP_KINDS).optional(),
  errorTypes: z.array(z.string().max(48)).max(40).default([]),
  severity: z.enum(STEP_SEVERITIES).optional(),
  comment: z.string().max(20_000).optional(),
});
export type StepLabel = z.infer<typeof stepLabelSchema>;

export const stepBlockSchema = z.object({
  /** The segmentation these labels were made on; a re-segmentation gets a new version (issue 8). */
  segmentationVersion: z.int().min(1).max(1_000_000),
  steps: z.record(stepIndexKey, stepLabelSchema, { error: (issue) => (issue.code === "invalid_key" ? STEP_INDEX_MESSAGE : undefined) }).default({}),
  finalAnswerCorrect: z.boolean().optional(),
  reasoningSupportsAnswer: z.boolean().optional(),
  /** The reviewer's override: a 0-based step index, or null for "no erroneous step"; absent → derived. */
  firstErrorStep: z.int().min(0).max(9999).nullable().optional(),
});
export type StepBlock = z.infer<typeof stepBlockSchema>;
export type StepBlockInput = z.input<typeof stepBlockSchema>;

export const errorTypeSchema = z.strictObject({
  key: errorTypeKey,
  label: storableString("An error type's label").trim().min(1, { error: "Every error type needs a label." }).max(80),
  help: storableString("An error type's help text").trim().max(300).default(""),
  source: storableString("An error type's source").trim().max(300).default(""),
});

/** A project's error taxonomy: 1–40 types with distinct keys and distinct labels. */
export const stepTaxonomySchema = z
  .array(errorTypeSchema)
  .min(1, { error: "The taxonomy needs at least one error type." })
  .max(40, { error: "A taxonomy has at most 40 error types; reviewers cannot scan more." })
  .superRefine((types, ctx) => {
    const seen = { key: new Map<string, number>(), label: new Map<string, number>() };
    types.forEach((type, index) => {
      for (const field of ["key", "label"] as const) {
        const value = field === "label" ? type.label.toLowerCase() : type.key;
        const first = seen[field].get(value);
        if (first === undefined) seen[field].set(value, index);
        else ctx.addIssue({ code: "custom", path: [index, field], message: `Error types ${first + 1} and ${index + 1} have the same ${field} "${type[field]}"; each must be different.` });
      }
    });
  });
export type StepTaxonomy = z.infer<typeof stepTaxonomySchema>;

export { checkStepBlock, type StepBlockContext, type StepBlockProblem } from "./check-block";

/** The tool's part of the document: a step block per response, keyed by Response.id. */
export const stepsDocumentFields = {
  steps: z.record(z.string().max(64), stepBlockSchema).optional(),
};
