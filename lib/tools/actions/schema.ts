import { z } from "zod";
import { ACTION_ERROR_TYPES, ACTION_SEVERITIES, ACTION_VERDICTS } from "./taxonomy";

// The trajectory tool's block of the annotation document (issue 13): per response (Response.id), per
// action (0-based index of the run) the reviewer's verdict, error types and severity, for a test
// whether it was necessary, and a comment. Client-safe zod (the browser imports types only).

const actionIndexKey = z.string().regex(/^(?:0|[1-9]\d{0,3})$/, { error: "An action is named by its position in the run: 0, 1, 2, …" });

export const actionLabelSchema = z.object({
  verdict: z.enum(ACTION_VERDICTS).optional(),
  errorTypes: z.array(z.enum(ACTION_ERROR_TYPES)).max(ACTION_ERROR_TYPES.length).default([]),
  severity: z.enum(ACTION_SEVERITIES).optional(),
  /** Tests only: did the case need it? */
  necessary: z.boolean().optional(),
  comment: z.string().max(20_000).optional(),
});
export type ActionLabel = z.infer<typeof actionLabelSchema>;

export const actionsBlockSchema = z.record(z.string().max(64), z.record(actionIndexKey, actionLabelSchema));
export type ActionsBlock = z.infer<typeof actionsBlockSchema>;

export const actionsDocumentFields = {
  actions: actionsBlockSchema.optional(),
};
