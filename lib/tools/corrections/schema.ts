import { z } from "zod";

// The corrections tool's part of the document (client-safe, decision 030): per response (by
// Response.id), the answer the model should have given, written by the reviewer starting from the
// model's own text. Absent: no correction. Autosaved and versioned with the rest of the document.
export const MAX_CORRECTION_LENGTH = 100_000;

export const correctionSchema = z.object({ content: z.string().max(MAX_CORRECTION_LENGTH) });
export const correctionsBlockSchema = z.record(z.string().max(64), correctionSchema);
export type CorrectionsBlock = z.infer<typeof correctionsBlockSchema>;

export const correctionsDocumentFields = {
  corrections: correctionsBlockSchema.optional(),
};
