import { z } from "zod";

// One line of a judge-results file (issue 9, "LLM-judge calibration"; decision 015), client-safe:
// {"externalId", "response" (model name or label), "axis" | "criterion", "value", "judge", "rationale"?}.
// Only the shape is checked here; what the names refer to (item, response, axis, criterion, option)
// is checked against the project in import-judge-results.ts.

export const JUDGE_NAME_MAX = 100;
export const RATIONALE_MAX = 20_000;

const text = (field: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is missing.` : `${field} must be text.`) })
    .trim()
    .min(1, { error: `${field} must not be empty.` })
    .max(max, { error: `${field} is at most ${max} characters.` });

export const judgeLineSchema = z
  .strictObject(
    {
      externalId: text("externalId", 200),
      response: text("response (the response's model name or label)", 200),
      axis: text("axis", 100).optional(),
      /** A criterion's id, or its number in the item's list (1 = first). */
      criterion: z
        .union([z.number().int().min(1), text("criterion", 64)], { error: "criterion is the criterion's id or its number in the item's list (1 = first)." })
        .optional(),
      value: z.union([z.string().max(500), z.number(), z.boolean()], {
        error: (issue) => (issue.input === undefined ? "value is missing." : "value must be an option's value, a number, or true / false."),
      }),
      judge: text("judge", JUDGE_NAME_MAX),
      rationale: z.string({ error: "rationale must be text." }).max(RATIONALE_MAX, { error: `rationale is at most ${RATIONALE_MAX.toLocaleString("en")} characters.` }).nullish(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}: a line has externalId, response, axis or criterion, value, judge and rationale.`
          : issue.code === "invalid_type"
            ? "each line must be one JSON object."
            : undefined,
    },
  )
  .superRefine((line, ctx) => {
    if ((line.axis === undefined) === (line.criterion === undefined)) {
      ctx.addIssue({ code: "custom", path: [line.axis === undefined ? "axis" : "criterion"], message: "give either axis (a rubric axis key) or criterion (a case criterion), not both and not neither." });
    }
  });

export type JudgeLine = z.infer<typeof judgeLineSchema>;
