import { z } from "zod";

/**
 * The one error shape of /api/v1 (README "API", decision 018): a plain-worded message and, for a
 * request that did not validate, one issue per problem with the field's dotted path. A few
 * answers add their own fields beside these (a save conflict carries the server's version), so
 * clients must accept other keys.
 */
export const apiErrorSchema = z
  .looseObject({
    error: z.string().describe("What went wrong, in plain words."),
    issues: z
      .array(z.object({ path: z.string().describe('The field, dotted ("data.responses.r1.ratings"), empty for the request as a whole.'), message: z.string() }))
      .optional()
      .describe("For a request that did not validate: one entry per problem."),
  })
  .meta({ id: "Error" });

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
