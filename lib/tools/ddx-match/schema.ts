import { z } from "zod";
import { DDX_MATCHES } from "@/lib/ddx/matches";

// The differential-grading tool's part of the document (client-safe): per response, each entry of its
// ranked differential graded against the case (AMIE), keyed by 0-based rank.
export const ddxEntryMarkSchema = z.object({
  match: z.enum(DDX_MATCHES).nullable(),
  note: z.string().max(5000).optional(),
});
export type DdxEntryMark = z.infer<typeof ddxEntryMarkSchema>;

export const ddxResponseFields = {
  entries: z.record(z.string().regex(/^\d{1,3}$/), ddxEntryMarkSchema).optional(),
};
