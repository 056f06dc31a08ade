import { z } from "zod";
import type { ArgumentAnnotation, ArgumentRelation, ArgumentSpan, LabelSet } from "./argument-types";
import { checkLabelSet } from "./check-annotation";

// zod schemas of the argument model (types and the default label set: argument-types.ts). They
// check shapes and bounds; checkArgumentAnnotation (check-annotation.ts) checks an annotation
// against its text and label set, which a schema cannot see. Client-safe, but not for the review
// page's browser code (zod's eval probe breaks the CSP there).

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
const KEY_RULE = "letters, digits, _ and -, starting with a letter (brat stores it as a type name)";

const keySchema = (what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .max(40, { error: `${what} may have at most 40 characters.` })
    .regex(KEY, { error: `${what} may use only ${KEY_RULE}.` });

const idSchema = (what: string) =>
  z
    .string({ error: `${what} id must be text.` })
    .min(1, { error: `${what} id is required.` })
    .max(64, { error: `${what} id may have at most 64 characters.` })
    .regex(/^\S+$/, { error: `${what} id may not contain spaces.` });

const offsetSchema = (what: string) =>
  z.int({ error: `${what} must be a whole number of characters (code points).` }).min(0, { error: `${what} cannot be negative.` });

export const argumentSpanSchema = z
  .object({
    id: idSchema("A span's"),
    label: keySchema("A span's label"),
    start: offsetSchema("A span's start"),
    end: offsetSchema("A span's end"),
    text: z.string({ error: "A span's text must be text." }),
  })
  .refine((span) => span.end > span.start, { error: "A span must end after it starts.", path: ["end"] }) satisfies z.ZodType<ArgumentSpan>;

export const argumentRelationSchema = z.object({
  id: idSchema("A relation's"),
  label: keySchema("A relation's type"),
  from: idSchema("A relation's source span"),
  to: idSchema("A relation's target span"),
}) satisfies z.ZodType<ArgumentRelation>;

/** Bounds that keep one text's annotation reviewable (and the checks cheap). */
export const MAX_SPANS = 5_000;
export const MAX_RELATIONS = 10_000;

export const argumentAnnotationSchema = z.object({
  spans: z.array(argumentSpanSchema).max(MAX_SPANS, { error: `A text may have at most ${MAX_SPANS} spans.` }),
  relations: z.array(argumentRelationSchema).max(MAX_RELATIONS, { error: `A text may have at most ${MAX_RELATIONS} relations.` }),
}) satisfies z.ZodType<ArgumentAnnotation>;

const spanLabelSchema = z.object({
  key: keySchema("A label's key"),
  name: z.string().trim().min(1, { error: "A label needs a name." }).max(60, { error: "A label's name may have at most 60 characters." }),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "A label's colour must be written #rrggbb, e.g. #2563eb." }),
  shortcut: z.string().regex(/^[a-z0-9]$/, { error: "A label's shortcut must be one lower-case letter or digit." }),
});

const relationTypeSchema = z.object({
  key: keySchema("A relation's key"),
  name: z.string().trim().min(1, { error: "A relation needs a name." }).max(60, { error: "A relation's name may have at most 60 characters." }),
  allowed: z.array(z.tuple([keySchema("A label"), keySchema("A label")]), { error: 'Allowed pairs are a list such as [["Premise", "Claim"]].' }).max(400),
});

export const labelSetSchema = z
  .object({
    labels: z.array(spanLabelSchema).max(30, { error: "A label set may have at most 30 span labels." }),
    relations: z.array(relationTypeSchema).max(30, { error: "A label set may have at most 30 relations." }),
  })
  .superRefine((labelSet, ctx) => {
    for (const problem of checkLabelSet(labelSet)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  }) satisfies z.ZodType<LabelSet>;
