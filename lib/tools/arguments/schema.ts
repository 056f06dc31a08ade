import { z } from "zod";
import { argumentAnnotationSchema, labelSetSchema } from "@/lib/formats/argument-model";
import { RESERVED_SHORTCUTS } from "./label-set";
import { TARGET_KEY, TARGET_KEY_RULE } from "./targets";

// The argument tool's block of the annotation document (client-safe zod; the review page imports
// only types from here and values from ./targets.ts and ./label-set.ts, since zod must not run in
// its browser code): per target text, the reviewer's spans (code-point offsets of the stored text)
// and the relations between them. Checked against the real text on the server (./check.ts).

/** At most this many texts per document (26 responses × 2 + the item's texts). */
export const MAX_TARGETS = 60;
/** Per text: enough for a long reasoning trace densely annotated, small enough to review and save. */
export const MAX_SPANS_PER_TEXT = 2_000;
export const MAX_RELATIONS_PER_TEXT = 4_000;

const targetKeySchema = z.string().regex(TARGET_KEY, { error: `An argument target is ${TARGET_KEY_RULE}.` });

export const argumentTargetAnnotationSchema = z.object({
  spans: argumentAnnotationSchema.shape.spans.max(MAX_SPANS_PER_TEXT, { error: `A text may have at most ${MAX_SPANS_PER_TEXT} spans.` }),
  relations: argumentAnnotationSchema.shape.relations.max(MAX_RELATIONS_PER_TEXT, { error: `A text may have at most ${MAX_RELATIONS_PER_TEXT} relations.` }),
});

export const argumentsBlockSchema = z
  .record(targetKeySchema, argumentTargetAnnotationSchema, { error: (issue) => (issue.code === "invalid_key" ? `An argument target is ${TARGET_KEY_RULE}.` : undefined) })
  .refine((block) => Object.keys(block).length <= MAX_TARGETS, { error: `A review annotates at most ${MAX_TARGETS} texts.` });
export type ArgumentsBlock = z.infer<typeof argumentsBlockSchema>;

export const argumentsDocumentFields = {
  arguments: argumentsBlockSchema.optional(),
};

/** A project's label set, with shortcuts that leave the review page's and the annotator's own keys free. */
export const projectLabelSetSchema = labelSetSchema.superRefine((labelSet, ctx) => {
  labelSet.labels.forEach((label, i) => {
    if ((RESERVED_SHORTCUTS as readonly string[]).includes(label.shortcut)) {
      ctx.addIssue({ code: "custom", path: ["labels", i, "shortcut"], message: `The shortcut "${label.shortcut}" of label "${label.key}" is a key the review page uses (${RESERVED_SHORTCUTS.join(", ").toUpperCase()}); choose another.` });
    }
  });
  if (labelSet.relations.length > 9) ctx.addIssue({ code: "custom", path: ["relations"], message: "A label set may have at most 9 relations (R then 1–9 picks one on the review page)." });
});

/** settings.arguments (absent: off, default label set): whether reviews annotate argument structure, and the label set (default AbstRCT's). */
export const argumentSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    labelSet: projectLabelSetSchema.optional(),
  })
  .optional();
