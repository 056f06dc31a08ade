import { z } from "zod";

/** A form field carrying JSON (an editor's document): parsed here, or a field error naming it. */
export function jsonField(what: string, maxLength = 2_000_000) {
  return z
    .string()
    .max(maxLength)
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: `${what} is not valid JSON.` });
        return z.NEVER;
      }
    });
}
