import { z } from "zod";
import type { ReviewAxis } from "@/lib/assignments/load-for-review";
import type { AxisTemplate } from "./templates/types";
import { axisRows } from "./create-rubric";
import { reviewAxisOf } from "./review-axis";

// A rubric as a JSON document: what the rubric editor edits, what "Download JSON" gives and what
// an import reads, so research groups can share rubrics (issue 10). Client-safe (no database).
// The rules are the ones every built-in template obeys (lib/rubrics/templates/templates.test.ts),
// checked here for rubrics people write.

export const RUBRIC_FORMAT = "consilium-rubric/1";

const PAIR_VALUES = ["A", "tie", "B"];

const optionSchema = z.strictObject({
  value: z.string().trim().min(1, { error: "An option needs a value." }).max(100),
  label: z.string().trim().min(1, { error: "An option needs a label." }).max(500),
  help: z.string().trim().max(2_000).optional(),
  group: z.string().trim().max(200).optional(),
});

export const rubricAxisSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: "A key is lower-case letters, digits and _ (starting with a letter), at most 64 characters." }),
    label: z.string().trim().min(1, { error: "An axis needs a label." }).max(300),
    help: z.string().trim().max(5_000).default(""),
    type: z.enum(["SCALE", "CHOICE", "BOOLEAN", "TEXT"], { error: "type must be SCALE, CHOICE, BOOLEAN or TEXT." }),
    appliesTo: z.enum(["RESPONSE", "PAIR", "ITEM", "RANKING", "BEST_WORST", "TURN"], { error: "appliesTo must be RESPONSE, PAIR, ITEM, RANKING, BEST_WORST or TURN." }).default("RESPONSE"),
    required: z.boolean().default(true),
    options: z.array(optionSchema).max(100).default([]),
    min: z.int().min(-100).max(100).optional(),
    max: z.int().min(-100).max(100).optional(),
    polarity: z.enum(["HIGHER_IS_BETTER", "CHOSEN_IS_WORSE"]).default("HIGHER_IS_BETTER"),
    allowsNotApplicable: z.boolean().default(false),
    best: z.union([z.string().max(100), z.number(), z.boolean()]).optional(),
    optionsFrom: z.literal("note_sentences").optional(),
  })
  .superRefine((axis, ctx) => {
    const issue = (message: string, path: PropertyKey[] = []) => ctx.addIssue({ code: "custom", message, path });
    const values = axis.options.map((o) => o.value);
    if (new Set(values).size !== values.length) issue("Option values must be unique.", ["options"]);
    if (axis.type === "SCALE") {
      if (axis.min === undefined || axis.max === undefined || axis.max <= axis.min) return issue("A scale needs whole-number min and max, max above min.", ["max"]);
      if (axis.max - axis.min > 20) return issue("A scale has at most 21 points.", ["max"]);
      const expected = Array.from({ length: axis.max - axis.min + 1 }, (_, i) => String(axis.min! + i));
      if (values.join("\u0000") !== expected.join("\u0000")) issue(`A scale from ${axis.min} to ${axis.max} needs one labelled option per point, valued ${expected.join(", ")}.`, ["options"]);
      if (axis.best !== undefined && !expected.includes(String(axis.best))) issue("The best answer must be a point of the scale.", ["best"]);
    } else if (axis.appliesTo === "RANKING" || axis.appliesTo === "BEST_WORST") {
      // The item's responses are what a ranking orders (or best–worst picks from): nothing else to declare.
      if (axis.type !== "CHOICE" || axis.options.length || axis.min !== undefined || axis.max !== undefined || axis.best !== undefined || axis.allowsNotApplicable || axis.optionsFrom) {
        issue(`A ${axis.appliesTo === "RANKING" ? "ranking" : "best–worst"} axis is a choice with no options, min, max, best answer or N/A: it ${axis.appliesTo === "RANKING" ? "orders" : "picks from"} the item's responses.`, ["options"]);
      }
    } else if (axis.type === "CHOICE") {
      if (axis.optionsFrom === "note_sentences") {
        if (axis.options.length) issue("An axis whose options come from the note's sentences lists no options of its own.", ["options"]);
      } else if (axis.options.length < 2) issue("A choice needs at least two options.", ["options"]);
      if (axis.min !== undefined) issue("A choice has no min (max > 1 makes it multi-select).", ["min"]);
      if (axis.max !== undefined && (axis.max < 1 || (!axis.optionsFrom && axis.max > axis.options.length))) issue("A choice's max (how many may be chosen) is from 1 to the number of options.", ["max"]);
      if (axis.best !== undefined && !values.includes(String(axis.best))) issue("The best answer must be one of the options.", ["best"]);
    } else {
      if (axis.options.length) issue(`A ${axis.type === "BOOLEAN" ? "yes/no" : "free-text"} axis has no options.`, ["options"]);
      if (axis.min !== undefined || axis.max !== undefined) issue("Only scales and choices have min or max.", ["max"]);
      if (axis.type === "BOOLEAN" && axis.best !== undefined && typeof axis.best !== "boolean") issue("The best answer of a yes/no axis is true or false.", ["best"]);
      if (axis.type === "TEXT" && axis.best !== undefined) issue("A free-text axis has no best answer.", ["best"]);
    }
    if (axis.optionsFrom && axis.type !== "CHOICE") issue("Only a choice can take its options from the note.", ["optionsFrom"]);
    if (axis.appliesTo === "PAIR" && (axis.type !== "CHOICE" || values.join() !== PAIR_VALUES.join())) {
      issue('A pairwise axis is a choice with the options "A", "tie" and "B" (the stored value is the chosen response, never a screen side).', ["options"]);
    }
    if (axis.polarity === "CHOSEN_IS_WORSE" && axis.appliesTo !== "PAIR" && axis.appliesTo !== "RANKING") issue("Only pairwise and ranking axes can mark the chosen (first-ranked) response as worse.", ["polarity"]);
  });

export const rubricDocumentSchema = z
  .strictObject({
    format: z.literal(RUBRIC_FORMAT, { error: `format must be "${RUBRIC_FORMAT}".` }),
    name: z.string().trim().min(1, { error: "The rubric needs a name." }).max(200),
    /** The built-in template it started from (switches on that template's review tools), or null. */
    template: z.string().max(100).nullable().default(null),
    axes: z.array(rubricAxisSchema).min(1, { error: "A rubric needs at least one axis." }).max(100, { error: "A rubric has at most 100 axes." }),
  })
  .superRefine((doc, ctx) => {
    const seen = new Map<string, number>();
    doc.axes.forEach((axis, i) => {
      if (seen.has(axis.key)) ctx.addIssue({ code: "custom", message: `Axis key "${axis.key}" is used twice (axes ${seen.get(axis.key)! + 1} and ${i + 1}).`, path: ["axes", i, "key"] });
      seen.set(axis.key, i);
    });
  });

export type RubricAxisDocument = z.output<typeof rubricAxisSchema>;
export type RubricDocument = z.output<typeof rubricDocumentSchema>;

/** The rubric route's query (GET /api/v1/projects/{slug}/rubric). */
export const rubricQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).optional().describe("A stored version (default: the newest)."),
  download: z.enum(["1", "true"]).optional().describe("Send as an attachment (file name with the version)."),
});

/** "axes.2.options: A choice needs at least two options." — zod issues in words, with where. */
export function describeRubricIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const [first, index, ...rest] = i.path;
    const where = first === "axes" && typeof index === "number" ? `Axis ${index + 1}${rest.length ? ` (${rest.join(".")})` : ""}` : i.path.join(".");
    return where ? `${where}: ${i.message}` : i.message;
  });
}

/** A stored axis (a RubricAxis row) as a document axis; defaults left out so shared files stay short. */
export function axisToDocument(a: {
  key: string; label: string; help: string; type: AxisTemplate["type"]; appliesTo: AxisTemplate["appliesTo"]; required: boolean; options: unknown;
  min: number | null; max: number | null; polarity: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE"; allowsNotApplicable: boolean; bestValue: string | null; optionsFrom: string | null;
}): RubricAxisDocument {
  const best = a.bestValue === null ? undefined : a.type === "BOOLEAN" ? a.bestValue === "true" : a.type === "SCALE" ? Number(a.bestValue) : a.bestValue;
  return {
    key: a.key,
    label: a.label,
    help: a.help,
    type: a.type,
    appliesTo: a.appliesTo,
    required: a.required,
    options: a.options as RubricAxisDocument["options"],
    ...(a.min !== null ? { min: a.min } : {}),
    ...(a.max !== null ? { max: a.max } : {}),
    polarity: a.polarity,
    allowsNotApplicable: a.allowsNotApplicable,
    ...(best !== undefined ? { best } : {}),
    ...(a.optionsFrom === "note_sentences" ? { optionsFrom: "note_sentences" as const } : {}),
  };
}

/** How the reviewer's form receives the axis (lib/rubrics/review-axis.ts), for the editor's preview; note sentences are sample ones. */
export function axisForPreview(a: RubricAxisDocument): ReviewAxis {
  return reviewAxisOf(axisRows([a])[0], { sentences: [{ value: "S1", label: "S1: the note's first sentence" }, { value: "S2", label: "S2: the note's second sentence" }] });
}

/** Whether two documents define the same rubric (then saving changes nothing). */
export function sameRubric(a: RubricDocument, b: RubricDocument): boolean {
  const canonical = (d: RubricDocument) => JSON.stringify({ name: d.name, template: d.template, axes: d.axes.map((x) => rubricAxisSchema.parse(x)) });
  return canonical(a) === canonical(b);
}
