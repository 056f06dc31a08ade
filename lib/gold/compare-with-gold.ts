import type { AnnotationData } from "@/lib/annotations/schema";
import type { Gold } from "@/lib/items/schema";

// Gold items (Item.isGold with reference.gold) hold the known answer; a reviewer's submitted
// annotation on them is scored value by value. Pure: the DB side lives in gold-accuracy.ts.

export type GoldComparison = {
  /** Gold values that were compared (each axis of each response, item axes, pair axes). */
  compared: number;
  correct: number;
  /** Paths of the wrong or missing values, e.g. "responses.A.harm_extent", "pair.reasoning". */
  misses: string[];
  /** Every value compared, in order: feedback on practice items and per-axis pass rules read these. */
  checks: Array<{ path: string; axis: string; expected: unknown; actual: unknown; ok: boolean }>;
};

/**
 * Gold is written against import labels (A, B, …) because the author of a JSONL file does not
 * know database ids; annotations are keyed by Response.id, and pair values name the preferred
 * Response.id. `labelToResponseId` (from Response.label of the item) bridges the two, so the
 * reviewer's blinded, shuffled screen order plays no part.
 *
 * A gold label with no response on the item is a fault of the gold file, not of the reviewer: it
 * is left out of `compared` rather than counted against anyone. A missing rating counts as wrong.
 */
export function compareWithGold(gold: Gold, data: AnnotationData, labelToResponseId: Readonly<Record<string, string>>): GoldComparison {
  const result: GoldComparison = { compared: 0, correct: 0, misses: [], checks: [] };
  const check = (path: string, expected: unknown, actual: unknown) => {
    result.compared += 1;
    const ok = actual !== undefined && actual !== null && isSameValue(expected, actual);
    if (ok) result.correct += 1;
    else result.misses.push(path);
    result.checks.push({ path, axis: path.slice(path.lastIndexOf(".") + 1), expected, actual, ok });
  };

  for (const [label, axes] of Object.entries(gold.responses)) {
    const responseId = labelToResponseId[label];
    if (!responseId) continue;
    const ratings = data.responses[responseId]?.ratings ?? {};
    for (const [axis, expected] of Object.entries(axes)) check(`responses.${label}.${axis}`, expected, ratings[axis]);
  }
  for (const [axis, expected] of Object.entries(gold.item)) check(`item.${axis}`, expected, data.item.ratings[axis]);
  for (const [axis, expected] of Object.entries(gold.pair)) {
    const wanted = expected === "tie" ? "tie" : labelToResponseId[expected];
    if (!wanted) continue;
    check(`pair.${axis}`, wanted, data.pair.ratings[axis]);
  }
  return result;
}

/**
 * Arrays are multi-select CHOICE answers (the only list a rating can hold), so order does not
 * matter. A number and its decimal string are the same answer: SCALE ratings are stored as
 * numbers while their options (and hand-written gold) spell them "1".."5".
 */
export function isSameValue(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual) || expected.length !== actual.length) return false;
    const a = expected.map(canonical).sort();
    const b = actual.map(canonical).sort();
    return a.every((v, i) => v === b[i]);
  }
  if (isScalar(expected) && isScalar(actual)) return canonical(expected) === canonical(actual);
  return expected === actual;
}

function isScalar(v: unknown): v is string | number {
  return typeof v === "string" || typeof v === "number";
}

function canonical(v: unknown): string {
  // Booleans and strings must not collide ("true" ≠ true), so only numbers are turned into text.
  if (typeof v === "number") return `s:${String(v)}`;
  if (typeof v === "string") return `s:${v.trim()}`;
  return `${typeof v}:${JSON.stringify(v)}`;
}
