import { z } from "zod";

// The case-criteria tool's part of the document (client-safe): per response, each criterion met or
// not (HealthBench), keyed by Criterion.id.
export const criterionMarkSchema = z.object({
  met: z.boolean().nullable(),
  note: z.string().max(5000).optional(),
});
export type CriterionMark = z.infer<typeof criterionMarkSchema>;

export const criteriaResponseFields = {
  criteria: z.record(z.string().max(64), criterionMarkSchema).optional(),
};
