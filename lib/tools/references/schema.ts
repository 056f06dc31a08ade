import { z } from "zod";
import { COVERAGE } from "./statements";

// The reference-statements tool's part of the document (client-safe): per response (by Response.id),
// each reference statement (by 0-based index) covered, partly covered or not covered.
export const referencesBlockSchema = z.record(z.string().max(64), z.record(z.string().regex(/^\d{1,3}$/), z.enum(COVERAGE)));
export type ReferencesBlock = z.infer<typeof referencesBlockSchema>;

export const referencesDocumentFields = {
  references: referencesBlockSchema.optional(),
};
