import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// Results by analysis field (issue 13): a segment is one value of an item's or a response's typed
// analysis field (lib/items/analysis-fields.ts), written `field:value` in the results filter
// (`segment=group:women`, `segment=costUsd:0.01..0.05`, `segment=afterCutoff:yes`). An item field
// narrows which annotations count; a response field narrows which responses count inside them (a
// pairwise judgment counts only when both of its responses are in the segment). Numbers are
// ranges `low..high` (low ≤ x < high; an empty high is open), so a link names its range exactly
// even after more data arrives; the breakdown offers the quartiles of the project's values.

type FieldKind = "category" | "number" | "year" | "cutoff";
type FieldDef = { level: "item" | "response"; kind: FieldKind };

export const SEGMENT_FIELDS = {
  variant: { level: "item", kind: "category" },
  group: { level: "item", kind: "category" },
  date: { level: "item", kind: "year" },
  prompt: { level: "response", kind: "category" },
  costUsd: { level: "response", kind: "number" },
  inputTokens: { level: "response", kind: "number" },
  outputTokens: { level: "response", kind: "number" },
  reasoningTokens: { level: "response", kind: "number" },
  latencyMs: { level: "response", kind: "number" },
  afterCutoff: { level: "response", kind: "cutoff" },
} as const satisfies Record<string, FieldDef>;

export type SegmentField = keyof typeof SEGMENT_FIELDS;
export const SEGMENT_FIELD_NAMES = Object.keys(SEGMENT_FIELDS) as SegmentField[];

export type Segment =
  | { field: SegmentField; kind: "category" | "year"; value: string }
  | { field: SegmentField; kind: "number"; low: number; high: number | null }
  | { field: "afterCutoff"; kind: "cutoff"; after: boolean };

const RANGE = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)?$/;

/** `field:value` as a segment, or the reason it is not one. */
export function parseSegment(text: string): Segment | string {
  const colon = text.indexOf(":");
  const field = (colon < 0 ? text : text.slice(0, colon)) as SegmentField;
  const value = colon < 0 ? "" : text.slice(colon + 1).trim();
  if (!Object.hasOwn(SEGMENT_FIELDS, field)) return `segment must start with one of ${SEGMENT_FIELD_NAMES.join(", ")}, then ":" and a value.`;
  if (!value) return `segment ${field} needs a value after ":".`;
  const { kind } = SEGMENT_FIELDS[field];
  if (kind === "cutoff") return value === "yes" || value === "no" ? { field: "afterCutoff", kind, after: value === "yes" } : "segment afterCutoff is yes or no.";
  if (kind === "year") return /^\d{4}$/.test(value) ? { field, kind, value } : `segment ${field} is a year such as 2025.`;
  if (kind === "number") {
    const m = RANGE.exec(value);
    if (!m) return `segment ${field} is a range such as 0.01..0.05 (low inclusive, high exclusive; 100.. has no upper end).`;
    const [low, high] = [Number(m[1]), m[2] === undefined ? null : Number(m[2])];
    return high !== null && high <= low ? `segment ${field}: the range's high end must be above its low end.` : { field, kind, low, high };
  }
  return value.length > 120 ? `segment ${field} is at most 120 characters.` : { field, kind, value };
}

/** The filter's form of a segment: text in, checked, kept as text (the address carries it). */
export const segmentFilterSchema = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .max(200)
    .superRefine((s, ctx) => {
      const parsed = parseSegment(s);
      if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
    })
    .optional(),
);

export const segmentText = (s: Segment): string =>
  s.kind === "cutoff" ? `afterCutoff:${s.after ? "yes" : "no"}` : s.kind === "number" ? `${s.field}:${s.low}..${s.high ?? ""}` : `${s.field}:${s.value}`;

/** The field's stored value as SQL text, on `i` (Item) or `r` (Response). */
const fieldText = (field: SegmentField) => Prisma.raw(SEGMENT_FIELDS[field].level === "item" ? `i.analysis->>'${field}'` : `r.analysis->>'${field}'`);

/** The segment's condition: on `i` for an item field, on `r` (a response of `i`) for a response field. */
function conditionSql(s: Segment): Prisma.Sql {
  if (s.kind === "cutoff") {
    const op = Prisma.raw(s.after ? ">" : "<=");
    return Prisma.sql`(i.analysis->>'date') ${op} (r.analysis->>'trainingCutoff')`;
  }
  const text = fieldText(s.field);
  if (s.kind === "year") return Prisma.sql`left(${text}, 4) = ${s.value}`;
  if (s.kind === "number") {
    const upper = s.high === null ? Prisma.empty : Prisma.sql`AND (${text})::float8 < ${s.high}`;
    return Prisma.sql`(${text})::float8 >= ${s.low} ${upper}`;
  }
  return Prisma.sql`${text} = ${s.value}`;
}

export const isResponseSegment = (s: Segment) => SEGMENT_FIELDS[s.field].level === "response";

/**
 * SQL for a query over `a` (Annotation) joined to `i` (Item): `where` keeps annotations of the
 * segment (an item field; or, for a response field, an item with a response in it), and
 * `responses` narrows a subquery over `r` (Response) to the segment's responses.
 */
export function segmentSql(segment: Segment | undefined): { where: Prisma.Sql | null; responses: Prisma.Sql } {
  if (!segment) return { where: null, responses: Prisma.empty };
  const condition = conditionSql(segment);
  if (!isResponseSegment(segment)) return { where: condition, responses: Prisma.empty };
  return {
    where: Prisma.sql`EXISTS (SELECT 1 FROM "Response" r WHERE r."itemId" = i.id AND ${condition})`,
    responses: Prisma.sql`AND ${condition}`,
  };
}

export type SegmentChoice = { segment: string; label: string; count: number };
export type SegmentOptions = Array<{ field: SegmentField; level: "item" | "response"; choices: SegmentChoice[] }>;

const MAX_CATEGORIES = 30;
const fmt = (x: number) => String(Math.round(x * 1e6) / 1e6);

/**
 * For each analysis field the project's items or responses carry: its segments, with how many
 * items (item fields) or responses (response fields) fall in each. Categories by frequency (at most
 * 30); numbers in quartile ranges; cutoff as after / not after.
 */
export async function segmentOptions(db: Db, projectId: string): Promise<SegmentOptions> {
  const out: SegmentOptions = [];
  const categories = await db.$queryRaw<Array<{ field: string; value: string; count: number }>>`
    SELECT f.field, f.value, count(*)::int AS count FROM (
      SELECT 'variant' AS field, i.analysis->>'variant' AS value FROM "Item" i WHERE i."projectId" = ${projectId}
      UNION ALL SELECT 'group', i.analysis->>'group' FROM "Item" i WHERE i."projectId" = ${projectId}
      UNION ALL SELECT 'date', left(i.analysis->>'date', 4) FROM "Item" i WHERE i."projectId" = ${projectId}
      UNION ALL SELECT 'prompt', r.analysis->>'prompt' FROM "Response" r JOIN "Item" i ON i.id = r."itemId" WHERE i."projectId" = ${projectId}
      UNION ALL SELECT 'afterCutoff', CASE WHEN (i.analysis->>'date') > (r.analysis->>'trainingCutoff') THEN 'yes' ELSE 'no' END
        FROM "Response" r JOIN "Item" i ON i.id = r."itemId" WHERE i."projectId" = ${projectId} AND i.analysis->>'date' IS NOT NULL AND r.analysis->>'trainingCutoff' IS NOT NULL
    ) f WHERE f.value IS NOT NULL GROUP BY f.field, f.value ORDER BY f.field, count(*) DESC, f.value`;
  const numeric = SEGMENT_FIELD_NAMES.filter((f) => SEGMENT_FIELDS[f].kind === "number");
  const quartiles = await db.$queryRaw<Array<{ field: string; edges: number[] | null; n: number }>>`
    SELECT f.field, percentile_disc(ARRAY[0, 0.25, 0.5, 0.75]::float8[]) WITHIN GROUP (ORDER BY f.value) AS edges, count(*)::int AS n
    FROM (SELECT k.field, (r.analysis->>k.field)::float8 AS value
          FROM "Response" r JOIN "Item" i ON i.id = r."itemId" CROSS JOIN unnest(${numeric}::text[]) AS k(field)
          WHERE i."projectId" = ${projectId} AND r.analysis->>k.field IS NOT NULL) f
    GROUP BY f.field`;
  const bucketCounts = async (field: string, edges: number[]) => {
    const rows = await db.$queryRaw<Array<{ bucket: number; count: number }>>`
      SELECT width_bucket((r.analysis->>${field})::float8, ${edges}::float8[]) AS bucket, count(*)::int AS count
      FROM "Response" r JOIN "Item" i ON i.id = r."itemId"
      WHERE i."projectId" = ${projectId} AND r.analysis->>${field} IS NOT NULL GROUP BY 1`;
    return new Map(rows.map((r) => [r.bucket, r.count]));
  };
  for (const field of SEGMENT_FIELD_NAMES) {
    const { level, kind } = SEGMENT_FIELDS[field];
    if (kind === "number") {
      const q = quartiles.find((x) => x.field === field);
      if (!q?.edges?.length) continue;
      const edges = [...new Set(q.edges)];
      const counts = await bucketCounts(field, edges);
      const choices = edges.map((low, i) => {
        const high = edges[i + 1] ?? null;
        return { segment: `${field}:${fmt(low)}..${high === null ? "" : fmt(high)}`, label: high === null ? `≥ ${fmt(low)}` : `${fmt(low)} – < ${fmt(high)}`, count: counts.get(i + 1) ?? 0 };
      });
      out.push({ field, level, choices });
      continue;
    }
    const values = categories.filter((c) => c.field === field).slice(0, MAX_CATEGORIES);
    if (values.length) out.push({ field, level, choices: values.map((v) => ({ segment: `${field}:${v.value}`, label: v.value, count: v.count })) });
  }
  return out;
}
