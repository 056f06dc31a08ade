import { z } from "zod";
import { ratingsBlockSchema } from "../ratings/schema";

// The per-turn ratings tool's part of the document (client-safe, decision 033): per response (by
// Response.id), per AI turn (its 0-based position in the response's transcript, as a string key), the
// values of the rubric's TURN axes and a comment per axis. Absent until the reviewer rates a turn.
export const turnKeySchema = z.string().regex(/^\d{1,4}$/, { error: "A turn is named by its position in the transcript." });

export const turnsBlockSchema = z.record(z.string().max(64), z.record(turnKeySchema, ratingsBlockSchema));
export type TurnsBlock = z.infer<typeof turnsBlockSchema>;

export const turnsDocumentFields = {
  turns: turnsBlockSchema.optional(),
};
