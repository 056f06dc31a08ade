import { z } from "zod";
import { stepTaxonomySchema } from "@/lib/tools/steps/schema";
import { argumentSettingsSchema } from "@/lib/tools/arguments/schema";
import { axisTranslationsSchema } from "./axis-translations-schema";

// Project.settings (a JSON column): options that shape what reviewers see. Parsed with defaults on
// every read, so projects created before a setting existed behave as the default says.
export const imageHostsSchema = z
  .array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+(:\d+)?$/, { error: "Give host names such as images.example.org." }))
  .max(50);

/** When a suggestion appears: at once, pre-filled; or once the reviewer has rated the response themselves. */
export const SUGGESTION_REVEALS = ["immediately", "after_rating"] as const;

export const projectSettingsSchema = z.object({
  /** mcq: show reviewers which option is correct (and whether each response chose it). */
  revealMcqAnswer: z.boolean().default(false),
  /** dialogue: the rated response is the final AI turn, or the whole dialogue. */
  dialogueTarget: z.enum(["final_turn", "whole_dialogue"]).default("final_turn"),
  /** Pairwise axes also ask how strong the preference is (our extension; Med-PaLM 2 had none). */
  pairwiseStrength: z.boolean().default(false),
  /** Ask for the reviewer's confidence (1–5) in their rating of each response. */
  askConfidence: z.boolean().default(true),
  /** Hosts (e.g. "images.example.org") whose https images may be shown; others are never fetched. */
  imageHosts: imageHostsSchema.default([]),
  /**
   * Reasoning steps (issue 8): label each step of every response's reasoning. On by default in the
   * reasoning-steps template; any project may switch it on. `taxonomy` replaces the default error types
   * (lib/tools/steps/taxonomy.ts); `requireKind` asks for MedR-Bench's step kind at submit.
   */
  steps: z
    .object({
      enabled: z.boolean().default(false),
      requireKind: z.boolean().default(false),
      taxonomy: stepTaxonomySchema.optional(),
    })
    .default({ enabled: false, requireKind: false }),
  /**
   * Argument structure (issue 8): spans and relations over the item's texts. On with the
   * argument-structure template; any project may switch it on. `labelSet` replaces AbstRCT's default.
   */
  arguments: argumentSettingsSchema,
  /**
   * Corrections (issue 11, decision 030): reviewers may write the answer each response should have
   * given, starting from the model's text; exported as fine-tuning records and preference pairs.
   */
  corrections: z.object({ enabled: z.boolean().default(false) }).optional(),
  /**
   * Suggestions (issue 11, decision 034): one imported judge's values pre-fill the review, shown at
   * once or only after the reviewer's own ratings of a response; an empty judge switches them off.
   */
  suggestions: z
    .object({
      judge: z.string().trim().max(100, { error: "A judge's name is at most 100 characters." }).default(""),
      reveal: z.enum(SUGGESTION_REVEALS).default("immediately"),
    })
    .optional(),
  /**
   * Regions on images (issue 13): reviewers draw boxes, points, polygons and measurements on an
   * item's images, with these labels (lib/tools/regions/labels.ts).
   */
  regions: z
    .object({
      enabled: z.boolean().default(false),
      labels: z
        .array(z.strictObject({ key: z.string().regex(/^[a-z0-9-]{1,64}$/), name: z.string().trim().min(1).max(64), color: z.string().regex(/^#[0-9a-f]{6}$/) }))
        .max(50)
        .default([]),
    })
    .optional(),
  /**
   * Adjudication (issue 10): when reviewers of an item disagree. A scale axis disagrees when the range
   * of its ratings reaches `scaleRange` (2: a 3 and a 5 on a 5-point scale); other axes when any two
   * answers differ.
   */
  adjudication: z
    .object({
      scaleRange: z.int().min(1).max(20).default(2),
      /** Step verdicts that differ between reviewers of the same segmentation disagree. */
      steps: z.boolean().default(true),
      /** Argument spans (exact offsets and labels) or relations that differ disagree. */
      arguments: z.boolean().default(true),
    })
    .optional(),
  /**
   * Translations of the rubric's axis wording for reviewers who use another UI language (issue 12):
   * `{ es: { accuracy: { label, help, options: { yes: "Sí" } } } }`. Exports keep the canonical keys.
   */
  axisTranslations: axisTranslationsSchema.optional(),
});
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

/** The scale range at which reviewers disagree (default 2). */
export function disagreementScaleRange(settings: ProjectSettings): number {
  return settings.adjudication?.scaleRange ?? 2;
}

/** Every disagreement rule of the project: the scale range, and whether step verdicts and argument structure are compared (default: both). */
export function disagreementRules(settings: ProjectSettings): { scaleRange: number; tools: { steps: boolean; arguments: boolean } } {
  return { scaleRange: disagreementScaleRange(settings), tools: { steps: settings.adjudication?.steps ?? true, arguments: settings.adjudication?.arguments ?? true } };
}

export function readProjectSettings(raw: unknown): ProjectSettings {
  const parsed = projectSettingsSchema.safeParse(raw ?? {});
  // A malformed stored value must not take the review page down: fall back to the defaults.
  return parsed.success ? parsed.data : projectSettingsSchema.parse({});
}

export { CONFIDENCE_LABELS, PAIR_STRENGTH_LABELS } from "./labels";
