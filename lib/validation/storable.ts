import { z } from "zod";
import { findUnstorableValues, unstorableTextProblem } from "@/lib/import/check-json";

// PostgreSQL refuses NUL (\u0000) in text and jsonb, and half surrogate pairs in jsonb: such input must be
// a clear 400 at the boundary, never a 500 from the database (issue 7, "the class, not the instance").
// Client-safe: forms use the same schemas.

/** A string schema that refuses text PostgreSQL cannot store, with a message naming the field. */
export function storableString(what: string) {
  return z.string().superRefine((value, ctx) => {
    const problem = unstorableTextProblem(value, what);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** Adds an issue, at its path, for every value of a parsed JSON document that cannot be stored. */
export function refineStorable(value: unknown, ctx: z.RefinementCtx) {
  for (const finding of findUnstorableValues(value)) ctx.addIssue({ code: "custom", path: finding.path, message: finding.message });
}
