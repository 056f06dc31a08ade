import type { AnnotationData } from "./schema";
import { DDX_MATCH_LABELS } from "@/lib/ddx/matches";

/** Pseudo axis key under which differential match labels are looked up. */
const DDX_VALUES = "__ddx_match";

export type ChangeLabels = {
  axes: Map<string, string>;
  /** Axis key → stored value → the label the reviewer saw ("moderate_mild" → "Moderate or mild harm"). */
  values?: Map<string, Map<string, string>>;
  /** Response.id → "Response A" in the reviewer's own screen order. */
  responses: Map<string, string>;
  /** Criterion.id → "Criterion 3". */
  criteria: Map<string, string>;
};

const FIXED: Record<string, string> = { na: "Cannot rate / N/A", tie: "Tie" };

/** A stored value as the reviewer saw it: option labels, response labels, never internal codes. */
function show(value: unknown, labels: ChangeLabels, axisKey?: string): string {
  if (value === undefined || value === null || value === "") return "—";
  const named = (v: string) =>
    (axisKey === DDX_VALUES ? DDX_MATCH_LABELS[v as keyof typeof DDX_MATCH_LABELS] : labels.values?.get(axisKey ?? "")?.get(v)) ?? labels.responses.get(v) ?? FIXED[v];
  if (typeof value === "string") return named(value) ?? (value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return named(String(value)) ?? String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => named(String(v)) ?? String(v)).join(", ") : "—";
  return String(value);
}

function diffRecord(prefix: string, before: Record<string, unknown>, after: Record<string, unknown>, nameOf: (k: string) => string, labels: ChangeLabels, out: string[], valuesOf?: (k: string) => string) {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    const axisKey = valuesOf?.(key);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${prefix}${nameOf(key)}: ${show(a, labels, axisKey)} → ${show(b, labels, axisKey)}`);
  }
}

/**
 * Human-readable differences between two versions of an annotation document, for the reviewer's
 * own revision history ("Response A · Harm extent: — → No harm").
 */
export function describeChanges(before: AnnotationData | null, after: AnnotationData, labels: ChangeLabels): string[] {
  const out: string[] = [];
  const axis = (k: string) => labels.axes.get(k) ?? k;
  const prev = before ?? { responses: {}, item: { ratings: {}, comments: {} }, pair: { ratings: {}, comments: {}, strength: {} }, overallComment: "" };
  for (const id of new Set([...Object.keys(prev.responses), ...Object.keys(after.responses)])) {
    const a = prev.responses[id];
    const b = after.responses[id];
    const who = `${labels.responses.get(id) ?? "Response"} · `;
    diffRecord(who, a?.ratings ?? {}, b?.ratings ?? {}, axis, labels, out, (k) => k);
    diffRecord(who, a?.comments ?? {}, b?.comments ?? {}, (k) => `${axis(k)} comment`, labels, out);
    if ((a?.confidence ?? null) !== (b?.confidence ?? null)) out.push(`${who}Confidence: ${show(a?.confidence, labels)} → ${show(b?.confidence, labels)}`);
    const marks = (m: typeof a) => Object.fromEntries(Object.entries(m?.criteria ?? {}).map(([k, v]) => [k, v.met === null ? null : v.met ? "met" : "not met"]));
    diffRecord(who, marks(a), marks(b), (k) => labels.criteria.get(k) ?? "Criterion", labels, out);
    const entries = (m: typeof a) => Object.fromEntries(Object.entries(m?.entries ?? {}).map(([rank, v]) => [rank, v.match]));
    diffRecord(who, entries(a), entries(b), (rank) => `Differential entry ${Number(rank) + 1}`, labels, out, () => DDX_VALUES);
  }
  diffRecord("Item · ", prev.item.ratings, after.item.ratings, axis, labels, out, (k) => k);
  diffRecord("Item · ", prev.item.comments, after.item.comments, (k) => `${axis(k)} comment`, labels, out);
  diffRecord("Comparison · ", prev.pair.ratings, after.pair.ratings, axis, labels, out, (k) => k);
  diffRecord("Comparison · ", prev.pair.strength, after.pair.strength, (k) => `${axis(k)} strength`, labels, out);
  if (prev.overallComment !== after.overallComment) out.push(`Overall comment: ${show(prev.overallComment, labels)} → ${show(after.overallComment, labels)}`);
  return out;
}
