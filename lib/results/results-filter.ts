import { z } from "zod";
import { segmentFilterSchema } from "./segments";

// The filters of the results page, its CSV/JSON route and the CLI (issue 9): one schema, so a
// filter means the same everywhere. Query-string shaped: every value is a string, an empty one is
// "no filter". Gold items are excluded unless asked (they are planted checks, not the study).

const optionalText = (max: number, what: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, { error: `${what} is at most ${max} characters.` }).optional());

/** 2026-02-30 parses (it rolls over to March): a date is real only if it prints back as itself. */
function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const isoDate = (what: string) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${what} must be a date as YYYY-MM-DD.` }).refine(isCalendarDate, { error: `${what} is not a calendar date.` }).optional(),
  );

export const RESULT_KINDS = ["qa", "mcq", "dialogue", "vqa", "note", "ddx", "trajectory", "summary", "record"] as const;

export const resultsFilterSchema = z
  .strictObject({
    batch: optionalText(200, "batch"),
    kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(RESULT_KINDS, { error: `kind must be one of ${RESULT_KINDS.join(", ")}.` }).optional()),
    specialty: optionalText(200, "specialty"),
    language: optionalText(35, "language"),
    reviewer: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^R-[0-9a-f]{10}$/, { error: "reviewer is a pseudonym such as R-0123456789 (as in the exports)." }).optional()),
    /** Study arms: only the ratings made without (or with) the batch's assistance. */
    arm: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["unassisted", "assisted"], { error: "arm must be unassisted or assisted." }).optional()),
    from: isoDate("from"),
    to: isoDate("to"),
    gold: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["exclude", "include", "only"], { error: "gold must be exclude, include or only." }).default("exclude")),
    /** One value of an analysis field (`group:women`, `costUsd:0.01..0.05`, `afterCutoff:yes`; ./segments.ts). */
    segment: segmentFilterSchema,
    /** reviews: every submitted review; consensus: each item's decided consensus (adjudication) instead. */
    basis: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["reviews", "consensus"], { error: "basis must be reviews or consensus." }).default("reviews")),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: "from must not be after to.", path: ["to"] })
  .refine((f) => f.basis !== "consensus" || (!f.reviewer && !f.arm), { error: "The reviewer and arm filters select reviews; they do not apply to consensus results.", path: ["basis"] });

export type ResultsFilter = z.infer<typeof resultsFilterSchema>;

/** The filter as query parameters (only what is set), for links and downloads. */
export function filterQuery(filter: Partial<ResultsFilter>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === "" || (key === "gold" && value === "exclude") || (key === "basis" && value === "reviews")) continue;
    params.set(key, String(value));
  }
  return params.toString();
}
