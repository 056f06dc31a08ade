import { z } from "zod";

// One JSONL line of an item import. Kinds beyond `qa` arrive with the reviewer-workspace issue;
// each gets its own schema in this discriminated union.
const metadataSchema = z.record(z.string(), z.unknown()).default({});

export const responseImportSchema = z.object({
  modelName: z.string().trim().min(1, { error: "modelName is required." }).max(200),
  content: z.string().min(1, { error: "content is required." }).max(200_000),
  reasoning: z.string().max(500_000).optional(),
  metadata: metadataSchema,
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
  responses: z.array(responseImportSchema).min(1, { error: "at least one response is required." }).max(26),
});

export const qaItemImportSchema = baseItemSchema.extend({
  kind: z.literal("qa").default("qa"),
  question: z.string().trim().min(1, { error: "question is required." }).max(100_000),
  context: z.string().max(200_000).optional(),
  reference: z
    .object({ answer: z.string().max(200_000).optional(), explanation: z.string().max(200_000).optional() })
    .optional(),
});

export const itemImportSchema = qaItemImportSchema;
export type ItemImport = z.output<typeof itemImportSchema>;

/** What the review page renders for a `qa` item (stored in Item.input). */
export const qaInputSchema = z.object({ question: z.string(), context: z.string().optional() });
export type QaInput = z.infer<typeof qaInputSchema>;

export function responseLabel(position: number): string {
  return String.fromCharCode(65 + position);
}
