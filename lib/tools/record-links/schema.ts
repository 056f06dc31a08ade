import { z } from "zod";
import { argumentAnnotationSchema } from "@/lib/formats/argument-model";

// The record-links tool's block (client-safe zod): per response (Response.id), the statements marked
// in its output (spans labelled with their verdict; code points of the stored text, decision 011) and,
// per statement (span id), the record entries it rests on.
export const recordLinksBlockSchema = z.record(
  z.string().max(64),
  z.object({
    output: argumentAnnotationSchema.optional(),
    entries: z.record(z.string().max(100), z.array(z.string().max(200)).max(50)).optional(),
  }),
);
export type RecordLinksBlock = z.infer<typeof recordLinksBlockSchema>;

export const recordLinksDocumentFields = {
  recordLinks: recordLinksBlockSchema.optional(),
};
