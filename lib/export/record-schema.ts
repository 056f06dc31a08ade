import { z } from "zod";
import { DDX_MATCHES } from "@/lib/ddx/matches";
import { ITEM_KINDS } from "@/lib/items/schema";
import { itemAnalysisSchema, responseAnalysisSchema } from "@/lib/items/analysis-fields";

// The JSONL export record, as a zod schema: the TypeScript types of the export are inferred from
// it, `docs/export-record.schema.json` is generated from it (scripts/generate-export-schema.ts),
// and tests validate real exported records against it. Strict objects: a key the writer emits
// but this file does not document fails the tests. Keys marked optional appear only when used.
// Numbering: every position in a record counts from 1 (criterion `number`, differential `rank`,
// `shownAs`); ids are for joins (docs/decisions/008-export-records-and-cli-errors.md).

const positiveInt = z.number().int().min(1);

export const ratingValueSchema = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])
  .meta({ id: "RatingValue", description: 'A rubric answer: the option value (e.g. "4", "none"), a number, yes/no, a list for multi-select axes, "na" for "Cannot rate / N/A", or null.' });

export const responseRefSchema = z
  .strictObject({
    responseId: z.string(),
    label: z.string().meta({ description: "Import label: A is the item's first response, B the second…" }),
    modelName: z.string(),
  })
  .meta({ id: "ResponseRef", description: "A response of the item, named by its id, import label and model." });

const contentFields = {
  content: z.string().optional().meta({ description: "With content only: the response text (markdown)." }),
  reasoning: z.string().nullable().optional().meta({ description: "With content only: the reasoning trace, or null." }),
  answer: z.unknown().optional().meta({ description: "With content only: the structured answer (mcq choice, ddx differential, dialogue turns), or null." }),
};

export const argumentAnnotationRecordSchema = z
  .strictObject({
    spans: z.array(
      z.strictObject({
        id: z.string(),
        label: z.string(),
        start: z.number().int().min(0).meta({ description: "Code-point offset of the first character in the stored text (inclusive)." }),
        end: z.number().int().min(0).meta({ description: "Code-point offset just past the last character (exclusive)." }),
        text: z.string(),
      }),
    ),
    relations: z.array(z.strictObject({ id: z.string(), label: z.string(), from: z.string().meta({ description: "Span id (brat Arg1)." }), to: z.string().meta({ description: "Span id (brat Arg2)." }) })),
  })
  .meta({ id: "ArgumentAnnotation", description: "Argument spans (code points of the stored text, docs/formats.md) and relations between them." });

const responseIdentity = {
  ...responseRefSchema.shape,
  shownAs: positiveInt.meta({ description: "Position on this reviewer's screen, from 1 (blinding and shuffling undone)." }),
  analysis: responseAnalysisSchema
    .optional()
    .meta({ description: "Present when the response was imported with analysis fields: run cost, tokens, latency, prompt variant, training cutoff (README \"Analysis fields\")." }),
  answerCorrect: z
    .boolean()
    .optional()
    .meta({ description: "The model's answer graded automatically against the item's key: the correct option, the exact set of correct options, or the accepted numeric range. Present when the item has a key and the response a gradable answer." }),
};

export const criterionMarkSchema = z.strictObject({
  criterionId: z.string(),
  number: positiveInt.meta({ description: "The criterion's place in the item's list, from 1 (the CSV's criterion:<number>)." }),
  text: z.string(),
  points: z.number().int().meta({ description: "Points, negative for behaviour to avoid (HealthBench)." }),
  tags: z.array(z.string()),
  met: z.boolean().nullable().meta({ description: "The reviewer's mark; null when left unmarked." }),
  note: z.string().optional().meta({ description: "Present when the reviewer wrote one." }),
});

export const differentialMatchSchema = z.strictObject({
  rank: positiveInt.meta({ description: "Rank in the model's differential, from 1 (top diagnosis)." }),
  match: z.enum(DDX_MATCHES).nullable(),
  note: z.string().optional(),
});

export const exportResponseSchema = z.strictObject({
  ...responseIdentity,
  ratings: z.record(z.string(), ratingValueSchema).meta({ description: "Rubric axis key → answer." }),
  comments: z.record(z.string(), z.string()).meta({ description: "Rubric axis key → the reviewer's comment." }),
  confidence: z.number().int().min(1).max(5).optional().meta({ description: "1–5; present when the project asks for confidence and the reviewer answered." }),
  criteria: z.array(criterionMarkSchema).optional().meta({ description: "Present when the item has case criteria." }),
  criteriaScore: z.number().nullable().optional().meta({ description: "HealthBench item score, unclipped (may be < 0); null when no criterion has positive points. Present with criteria." }),
  differentialMatches: z.array(differentialMatchSchema).optional().meta({ description: "Present when the reviewer graded the differential (ddx-accuracy)." }),
  topK: z.record(z.enum(["1", "3", "5", "10"]), z.boolean()).optional().meta({ description: "Correct at top-k (AMIE's rule); present with differentialMatches." }),
  referenceStatements: z
    .array(z.strictObject({ number: positiveInt, text: z.string(), coverage: z.enum(["covered", "partial", "not_covered"]).nullable() }))
    .optional()
    .meta({ description: "Present when the item has reference reasoning statements: each, from 1, with the reviewer's coverage mark." }),
  referenceRecall: z.number().nullable().optional().meta({ description: "Covered 1, partly covered ½, divided by the statements; null until all are marked. Present with referenceStatements." }),
  referenceRecallStrict: z.number().nullable().optional().meta({ description: "Covered statements ÷ statements (partly covered counts 0). Present with referenceStatements." }),
  stepLabels: z
    .strictObject({
      segmentationVersion: positiveInt.meta({ description: "The segmentation of the response these labels were made on." }),
      finalAnswerCorrect: z.boolean().nullable(),
      reasoningSupportsAnswer: z.boolean().nullable(),
      firstErrorStep: positiveInt.nullable().meta({ description: "From 1: the reviewer's choice, or the first step marked incorrect or unsupported; null when none." }),
      rightAnswerWrongReasoning: z.boolean().nullable().meta({ description: "Final answer correct and (reasoning does not support it or a step is erroneous); null when the final answer was not judged." }),
      efficiency: z.number().nullable().meta({ description: "MedR-Bench: reasoning steps ÷ steps (decision 012)." }),
      factuality: z.number().nullable().meta({ description: "MedR-Bench: reasoning steps judged correct ÷ reasoning steps." }),
      steps: z.array(
        z.strictObject({
          number: positiveInt,
          start: z.number().int().min(0).meta({ description: "Code-point offset in the response's reasoning (or content when it has none)." }),
          end: z.number().int().min(0),
          verdict: z.enum(["correct", "incorrect", "unsupported", "irrelevant", "redundant"]).nullable(),
          kind: z.enum(["reasoning", "citation", "repetition", "redundancy"]).nullable(),
          errorTypes: z.array(z.string()),
          severity: z.enum(["minor", "major", "critical"]).nullable(),
          comment: z.string().optional(),
        }),
      ),
    })
    .optional()
    .meta({ description: "Present when the reviewer labelled the response's reasoning steps." }),
  arguments: z
    .strictObject({ content: argumentAnnotationRecordSchema.optional(), reasoning: argumentAnnotationRecordSchema.optional() })
    .optional()
    .meta({ description: "Present when the reviewer annotated argument structure in the response's answer or reasoning." }),
  correction: z
    .strictObject({
      content: z.string().meta({ description: "The answer the reviewer says the model should have given (markdown), written from the model's text." }),
      originalTokens: z.number().int().min(0).meta({ description: "Words and punctuation marks in the model's answer." }),
      editDistance: z.number().int().min(0).meta({ description: "Word-level Levenshtein distance under a word diff's alignment (decision 030)." }),
      normalizedEditDistance: z.number().min(0).nullable().meta({ description: "editDistance / originalTokens; null for an empty original." }),
    })
    .optional()
    .meta({ description: "Present when the project asks for corrections and the reviewer corrected this response." }),
  turnRatings: z
    .array(
      z.strictObject({
        turn: positiveInt.meta({ description: "The turn's position in the response's transcript (answer.turns), from 1." }),
        ratings: z.record(z.string(), ratingValueSchema).meta({ description: "Per-turn axis key → answer." }),
        comments: z.record(z.string(), z.string()),
      }),
    )
    .optional()
    .meta({ description: "Present when the rubric rates a dialogue's AI turns and the reviewer rated some: each rated turn in transcript order (decision 033)." }),
  grounding: z
    .strictObject({
      unsupported: z.array(z.strictObject({ label: z.enum(["fabricated", "wrong_value", "wrong_entity", "contradicts", "unsupported_inference"]), start: z.number().int().min(0), end: z.number().int().min(0), text: z.string() })).meta({ description: "Stretches of the summary the source does not support, by kind; code-point offsets of the summary (the response's content)." }),
      omitted: z.array(z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0), text: z.string() })).meta({ description: "Stretches of the source the summary leaves out although they matter; code-point offsets of the source." }),
      unsupportedSpans: z.number().int().min(0),
      omittedSpans: z.number().int().min(0),
    })
    .optional()
    .meta({ description: "Present for summary items: the reviewer's marks of this summary against its source (issue 13)." }),
  citations: z
    .array(
      z.strictObject({
        number: positiveInt.meta({ description: "The citation's place in the response's list, from 1." }),
        claim: z.string().optional(),
        title: z.string(),
        url: z.string().optional(),
        doi: z.string().optional(),
        pmid: z.string().optional(),
        mark: z.enum(["supports", "partial", "not_supported", "not_found"]).nullable().meta({ description: "Does the cited passage support the claim? not_found: the source cannot be found (fabricated)." }),
        note: z.string().optional(),
      }),
    )
    .optional()
    .meta({ description: "Present when the response cites sources: each with the reviewer's check (the passages are in answer, with content)." }),
  recordStatements: z
    .array(
      z.strictObject({
        number: positiveInt.meta({ description: "The statement's place in the output, from 1 (by position)." }),
        start: z.number().int().min(0),
        end: z.number().int().min(0),
        text: z.string(),
        verdict: z.enum(["supported", "contradicted", "unsupported"]).meta({ description: "Does the record support the statement, contradict it, or hold nothing about it?" }),
        entries: z.array(z.strictObject({ id: z.string(), section: z.string(), date: z.string().optional(), title: z.string() })).meta({ description: "The record entries the statement rests on (or that contradict it)." }),
      }),
    )
    .optional()
    .meta({ description: "Present for record items where the reviewer marked statements of this output: code-point offsets of the response's content (issue 13)." }),
  modelRegions: z
    .array(
      z.strictObject({
        number: positiveInt.meta({ description: "The localization's place in the response's regions, from 1." }),
        image: z.number().int().min(0),
        imageSrc: z.string().optional().meta({ description: "The image's src, when the reviewer's document has a regions block." }),
        kind: z.enum(["box", "point", "polygon", "line"]),
        label: z.string().nullable(),
        bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).meta({ description: "[x, y, width, height] in the image's pixels." }),
        polygon: z.array(z.tuple([z.number(), z.number()])).optional(),
        point: z.tuple([z.number(), z.number()]).optional(),
        score: z.number().nullable().meta({ description: "The model's confidence, when it gave one." }),
        verdict: z.enum(["correct", "partly", "incorrect"]).nullable().meta({ description: "The reviewer's judgment of the localization." }),
        note: z.string().optional(),
      }),
    )
    .optional()
    .meta({ description: "Present when the model localized findings on the item's images (vqa): each with the reviewer's verdict." }),
  citationPrecision: z.number().nullable().optional().meta({ description: "Supports 1, partly ½, over the citations; null until all are checked. Present with citations." }),
  fabricatedCitations: z.number().int().min(0).optional().meta({ description: "Citations marked not found. Present with citations." }),
  trajectory: z
    .strictObject({
      actions: z.array(
        z.strictObject({
          number: positiveInt.meta({ description: "The action's place in the run (answer.actions), from 1." }),
          type: z.enum(["message", "thought", "tool_call", "tool_result", "test", "final_answer"]),
          tool: z.string().optional(),
          test: z.string().optional(),
          costUsd: z.number().optional(),
          verdict: z.enum(["correct", "incorrect", "unsupported", "irrelevant", "redundant"]).nullable(),
          errorTypes: z.array(z.string()),
          severity: z.enum(["minor", "major", "critical"]).nullable(),
          necessary: z.boolean().nullable().optional().meta({ description: "Tests only: the reviewer's mark, null when unmarked." }),
          comment: z.string().optional(),
        }),
      ).meta({ description: "The agent's own actions and the tests it ordered (tool results and other parties' messages are context, not judged)." }),
      judged: z.number().int().min(0),
      erroneous: z.number().int().min(0).meta({ description: "Judged actions with an erroneous verdict (incorrect, unsupported)." }),
      testsOrdered: z.number().int().min(0),
      unnecessaryTests: z.number().int().min(0),
      cost: z.number().nullable().meta({ description: "The sum of the run's action costs; null when none was given." }),
    })
    .optional()
    .meta({ description: "Present for trajectory items: the reviewer's labels of the agent's run (issue 13)." }),
  suggestions: z
    .array(
      z.strictObject({
        target: z.enum(["axis", "criterion"]),
        axis: z.string().optional().meta({ description: "The response axis suggested (target axis)." }),
        criterionId: z.string().optional().meta({ description: "The criterion suggested (target criterion; values are met true / false)." }),
        mode: z.enum(["prefilled", "after_own"]).meta({ description: "prefilled: filled into the form when the review opened; after_own: shown once the reviewer had answered the response's suggested targets." }),
        suggested: ratingValueSchema.meta({ description: "The judge's value as the reviewer saw it." }),
        own: ratingValueSchema.optional().meta({ description: "after_own: the reviewer's answer before the suggestion appeared." }),
        final: ratingValueSchema.meta({ description: "The reviewer's submitted answer (null when unanswered)." }),
        outcome: z.enum(["accepted", "changed", "independent"]).meta({ description: "accepted / changed: a pre-filled suggestion kept or changed; independent: answered before seeing it." }),
      }),
    )
    .optional()
    .meta({ description: "Present when the project showed suggestions for this response (decision 034). The judge is never named." }),
  ...contentFields,
});

export const exportPairSchema = z.strictObject({
  axis: z.string(),
  polarity: z.enum(["HIGHER_IS_BETTER", "CHOSEN_IS_WORSE"]),
  /** The response this reviewer saw on the left (A) and on the right (B). */
  shownA: responseRefSchema,
  shownB: responseRefSchema,
  chosen: z.union([responseRefSchema, z.literal("tie")]).meta({ description: "What the reviewer picked, as a real response." }),
  better: z.union([responseRefSchema, z.literal("tie")]).meta({ description: "The better response after the axis polarity." }),
  strength: z.number().int().min(1).max(3).optional().meta({ description: "1 slightly … 3 much; present when the project asks for strength and the reviewer gave one." }),
  comment: z.string().optional(),
});

export const exportRankingSchema = z.strictObject({
  axis: z.string(),
  polarity: z.enum(["HIGHER_IS_BETTER", "CHOSEN_IS_WORSE"]).meta({ description: "HIGHER_IS_BETTER: the first tier is the best; CHOSEN_IS_WORSE: the first tier is the worst (e.g. most harmful first)." }),
  tiers: z.array(z.array(responseRefSchema)).meta({ description: "The item's responses in the order the reviewer ranked them, first tier first; responses in one tier are tied." }),
  comment: z.string().optional(),
});

export const exportBestWorstSchema = z.strictObject({
  axis: z.string(),
  best: responseRefSchema,
  worst: responseRefSchema,
  shown: z.array(responseRefSchema).meta({ description: "The responses the reviewer chose from, in import order." }),
  comment: z.string().optional(),
});

const common = {
  project: z.string().meta({ description: "Project slug." }),
  batch: z.string().meta({ description: "Batch name." }),
  assignmentId: z.string(),
  itemId: z.string(),
  externalId: z.string(),
  kind: z.enum(ITEM_KINDS),
  analysis: itemAnalysisSchema
    .extend({ variantOf: z.string().optional().meta({ description: "The externalId of the original item this one is a perturbed or translated variant of." }) })
    .optional()
    .meta({ description: "Present when the item was imported with analysis fields (variant, patient group, date) or variantOf." }),
  item: z
    .strictObject({
      input: z.unknown(),
      reference: z.unknown(),
      metadata: z.unknown().optional().meta({ description: "Internal: the item's metadata, read for HealthBench records only; never in the JSONL export." }),
    })
    .optional()
    .meta({ description: "With content only: the item as reviewed (input by kind) and its reference (incl. gold answers), as imported." }),
  reviewer: z.string().meta({ description: "Pseudonym R-<10 hex> (stable per project), or the email when a site admin or the project's manager asked for identities." }),
  timeOnTaskMs: z.number().int().min(0),
  practice: z
    .strictObject({ attempt: positiveInt.meta({ description: "The reviewer's attempt at the qualification round (1, 2, …)." }) })
    .optional()
    .meta({ description: "Present for a qualification round's practice items (gold items with known answers, shown to the reviewer after submit)." }),
  studyArm: z
    .strictObject({
      design: z.enum(["sequential", "crossover"]).meta({ description: "sequential: unassisted, then assisted; crossover: counterbalanced arms in two periods apart by a washout." }),
      arm: z.enum(["unassisted", "assisted"]).meta({ description: "Whether the batch's assistance was shown for this rating." }),
      phase: z.union([z.literal(1), z.literal(2)]).meta({ description: "1: the reviewer's first rating of the item; 2: the second, opened only once the first was submitted." }),
      firstPhase: z.string().nullable().meta({ description: "In phase 2, the assignmentId of the same reviewer's phase-1 rating of the item; null in phase 1." }),
      assistance: z.string().meta({ description: "What the assisted phase shows: \"reference\" or \"response <label>\"." }),
    })
    .optional()
    .meta({ description: "Present for batches with study arms. Two phases of one reviewer are two conditions, not a repeat: results never pair them for intra-rater reliability." }),
};

export const submittedRecordSchema = z.strictObject({
  status: z.literal("submitted"),
  annotationId: z.string(),
  version: positiveInt,
  rubricVersion: positiveInt.meta({ description: "The rubric version the reviewer rated on (GET /api/v1/projects/{slug}/rubric?version=N gives its axes)." }),
  ...common,
  submittedAt: z.string().meta({ description: "ISO 8601 time of submission." }),
  responses: z.array(exportResponseSchema).meta({ description: "Every response the reviewer was shown, in import order (A, B, …): all of the item's, unless the batch showed each reviewer a subset." }),
  pairwise: z.array(exportPairSchema).optional().meta({ description: "Present when the rubric has pairwise axes and the reviewer answered one." }),
  rankings: z.array(exportRankingSchema).optional().meta({ description: "Present when the rubric has ranking axes and the reviewer ranked the responses on one." }),
  bestWorst: z.array(exportBestWorstSchema).optional().meta({ description: "Present when the rubric has best–worst axes and the reviewer chose on one (decision 032)." }),
  arguments: z
    .partialRecord(z.enum(["item.question", "item.text", "item.case", "reference.explanation"]), argumentAnnotationRecordSchema)
    .optional()
    .meta({ description: "Present when the reviewer annotated argument structure in the item's own texts, by target." }),
  regions: z
    .array(
      z.strictObject({
        number: positiveInt.meta({ description: "The region's place in the reviewer's list, from 1." }),
        id: z.string().meta({ description: "The region's id within this annotation (stable across saves)." }),
        image: z.number().int().min(0).meta({ description: "The image's index in the item's images, from 0." }),
        imageSrc: z.string(),
        imageWidth: positiveInt.optional().meta({ description: "The image's size in pixels, as the reviewer's browser decoded it." }),
        imageHeight: positiveInt.optional(),
        kind: z.enum(["box", "point", "polygon", "line"]).meta({ description: "line: a distance measurement." }),
        label: z.string().nullable().meta({ description: "The project's region label key; null for an unlabelled measurement." }),
        points: z.array(z.tuple([z.number(), z.number()])).meta({ description: "In the image's pixels from its top-left corner: a box's two opposite corners, a line's ends, a polygon's vertices." }),
        bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).meta({ description: "[x, y, width, height] (COCO)." }),
        area: z.number().min(0).meta({ description: "Square pixels (0 for points and lines)." }),
        lengthPx: z.number().optional().meta({ description: "Lines: the length in pixels." }),
        lengthMm: z.number().nullable().optional().meta({ description: "Lines: the length in millimetres when the image gives its pixel spacing, else null." }),
        link: z
          .strictObject({ responseId: z.string(), label: z.string(), modelName: z.string(), sentence: positiveInt.meta({ description: "The sentence of the response's text, from 1." }), text: z.string() })
          .optional()
          .meta({ description: "The response sentence this region shows (\"the model says the lesion is here\")." }),
        note: z.string().optional(),
      }),
    )
    .optional()
    .meta({ description: "Present when the reviewer marked regions on the item's images (issue 13)." }),
  itemRatings: z.record(z.string(), ratingValueSchema),
  itemComments: z.record(z.string(), z.string()),
  overallComment: z.string(),
});

export const skippedRecordSchema = z.strictObject({
  status: z.literal("skipped"),
  ...common,
  skipReason: z.string().meta({ description: "Why the reviewer skipped the item, in their words." }),
  responses: z.array(z.strictObject({ ...responseIdentity, ...contentFields })).meta({ description: "The item's responses as shown to the reviewer; no ratings (drafts are never exported)." }),
});

export const exportRecordSchema = z.discriminatedUnion("status", [submittedRecordSchema, skippedRecordSchema]).meta({
  title: "Consilium export record",
  description: "One JSONL line of GET /api/v1/projects/<slug>/export?format=jsonl (and `consilium export`): a submitted annotation or a skipped assignment.",
});

export type ExportRecord = z.infer<typeof exportRecordSchema>;
export type SubmittedRecord = z.infer<typeof submittedRecordSchema>;
export type SkippedRecord = z.infer<typeof skippedRecordSchema>;
export type ExportResponseRecord = z.infer<typeof exportResponseSchema>;
export type ExportPairRecord = z.infer<typeof exportPairSchema>;
export type ExportRankingRecord = z.infer<typeof exportRankingSchema>;
export type ExportBestWorstRecord = z.infer<typeof exportBestWorstSchema>;
export type ExportCriterionMark = z.infer<typeof criterionMarkSchema>;
export type ResponseRef = z.infer<typeof responseRefSchema>;
