import { z } from "zod";
import { CITATION_MARKS } from "./marks";

// The citations tool's block (client-safe zod): per response (Response.id), per citation (0-based
// index in the response's list) the reviewer's mark and an optional note.
export const citationCheckSchema = z.object({ mark: z.enum(CITATION_MARKS).optional(), note: z.string().max(20_000).optional() });
export type CitationCheck = z.infer<typeof citationCheckSchema>;

export const citationsBlockSchema = z.record(z.string().max(64), z.record(z.string().regex(/^(?:0|[1-9]\d{0,2})$/), citationCheckSchema));

export const citationsDocumentFields = {
  citations: citationsBlockSchema.optional(),
};
