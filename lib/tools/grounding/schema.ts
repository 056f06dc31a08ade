import { z } from "zod";
import { argumentAnnotationSchema } from "@/lib/formats/argument-model";

// The grounding tool's block (client-safe zod): per summary (Response.id), the spans of the summary
// marked unsupported and the spans of the source marked omitted, as argument annotations without
// relations (offsets are code points of the stored texts, decision 011).
export const groundingBlockSchema = z.record(z.string().max(64), z.object({ summary: argumentAnnotationSchema.optional(), source: argumentAnnotationSchema.optional() }));
export type GroundingBlock = z.infer<typeof groundingBlockSchema>;

export const groundingDocumentFields = {
  grounding: groundingBlockSchema.optional(),
};
