import { z } from "zod";
import { ratingValueSchema } from "../ratings/schema";

// The suggestions tool's part of the document (client-safe, decision 034): per response (by
// Response.id), what the reviewer was shown of the project judge's values and how. `prefilled`: the
// values were filled into the form when the review opened. `after_own`: they appeared once the
// reviewer had answered every suggested target of the response; `own` keeps those first answers.
// Targets are "axis:<key>" (a response axis) or "criterion:<Criterion.id>" (value: met true/false).
export const SUGGESTION_MODES = ["prefilled", "after_own"] as const;
export type SuggestionMode = (typeof SUGGESTION_MODES)[number];

export const suggestionTargetSchema = z.string().regex(/^(axis|criterion):[A-Za-z0-9_-]{1,80}$/, { error: "A suggestion target is axis:<key> or criterion:<id>." });

export const suggestionBlockSchema = z.object({
  mode: z.enum(SUGGESTION_MODES),
  shown: z.record(suggestionTargetSchema, ratingValueSchema),
  own: z.record(suggestionTargetSchema, ratingValueSchema).optional(),
});
export type SuggestionBlock = z.infer<typeof suggestionBlockSchema>;

export const suggestionsDocumentFields = {
  suggestions: z.record(z.string().max(64), suggestionBlockSchema).optional(),
};
