import { DDX_MATCH_LABELS } from "@/lib/ddx/matches";
import type { ChangeLabels } from "./types";

// Shared by the tools' describers: a stored value as the reviewer saw it (option labels, response
// labels, never internal codes), and the lines for a record of values. Zod-free (runs in the browser).

/** Pseudo axis key under which differential match labels are looked up. */
export const DDX_VALUES = "__ddx_match";
const FIXED: Record<string, string> = { na: "Cannot rate / N/A", tie: "Tie" };

export function showValue(value: unknown, labels: ChangeLabels, axisKey?: string): string {
  if (value === undefined || value === null || value === "") return "—";
  const named = (v: string) =>
    (axisKey === DDX_VALUES ? DDX_MATCH_LABELS[v as keyof typeof DDX_MATCH_LABELS] : labels.values?.get(axisKey ?? "")?.get(v)) ?? labels.responses.get(v) ?? FIXED[v];
  if (typeof value === "string") return named(value) ?? (value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return named(String(value)) ?? String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => named(String(v)) ?? String(v)).join(", ") : "—";
  return String(value);
}

/** "prefix name: before → after" for every key whose value differs. `valuesOf` names the axis whose labels apply. */
export function diffValues(prefix: string, before: Record<string, unknown>, after: Record<string, unknown>, nameOf: (k: string) => string, labels: ChangeLabels, valuesOf?: (k: string) => string): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    const axisKey = valuesOf?.(key);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${prefix}${nameOf(key)}: ${showValue(a, labels, axisKey)} → ${showValue(b, labels, axisKey)}`);
  }
  return out;
}

export const axisName = (labels: ChangeLabels) => (k: string) => labels.axes.get(k) ?? k;
