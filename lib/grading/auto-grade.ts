import type { NumericKey } from "@/lib/items/schema";

// Automatic grading of answers with a known key (issue 13): an MCQ choice against the correct
// option, a set of choices against several correct options (select all that apply: right only
// when exactly the correct set was chosen), and a number against an accepted range (MedCalc-Bench
// style: the key's lower–upper range, or a tolerance around the value). Pure: the item's stored
// reference and the response's stored answer in, a verdict out (null when the item has no key or
// the model gave nothing gradable). Units: when both sides name one they must match (case and
// spaces aside); a unit on one side only is not held against the answer.

type Reference = { correctOption?: unknown; correctOptions?: unknown; numeric?: unknown } | null | undefined;
type Answer = { choice?: unknown; choices?: unknown; numeric?: unknown } | null | undefined;
type Numeric = { value: number; unit?: string };

const isNumeric = (v: unknown): v is Numeric => typeof v === "object" && v !== null && typeof (v as Numeric).value === "number";
const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === "string") ? v : null);
const normalUnit = (u: string | undefined) => u?.toLowerCase().replace(/\s+/g, "") || undefined;

/** The accepted closed range of a numeric key. */
export function acceptedRange(key: NumericKey | Numeric & Partial<NumericKey>): { low: number; high: number } {
  if (typeof key.lower === "number" && typeof key.upper === "number") return { low: key.lower, high: key.upper };
  const spread = typeof key.tolerance === "number" ? key.tolerance : typeof key.relativeTolerance === "number" ? Math.abs(key.value) * key.relativeTolerance : 0;
  return { low: key.value - spread, high: key.value + spread };
}

export type GradeDetail = { correct: boolean; reason?: "unit" };

export function gradeNumeric(key: Numeric & Partial<NumericKey>, answer: Numeric): GradeDetail {
  const [expected, given] = [normalUnit(key.unit), normalUnit(answer.unit)];
  if (expected && given && expected !== given) return { correct: false, reason: "unit" };
  const { low, high } = acceptedRange(key);
  // A hair of slack for binary floating point: 0.1 + 0.2 is inside [0, 0.3].
  const eps = 1e-9 * Math.max(1, Math.abs(low), Math.abs(high));
  return { correct: answer.value >= low - eps && answer.value <= high + eps };
}

export function autoGrade(reference: unknown, answer: unknown): boolean | null {
  const ref = reference as Reference;
  const ans = answer as Answer;
  if (!ref || !ans) return null;
  const correctSet = strings(ref.correctOptions);
  if (correctSet) {
    const chosen = strings(ans.choices) ?? (typeof ans.choice === "string" ? [ans.choice] : null);
    if (!chosen) return null;
    const want = new Set(correctSet);
    return new Set(chosen).size === want.size && chosen.every((c) => want.has(c));
  }
  if (typeof ref.correctOption === "string") {
    if (typeof ans.choice === "string") return ans.choice === ref.correctOption;
    const chosen = strings(ans.choices);
    return chosen ? chosen.length === 1 && chosen[0] === ref.correctOption : null;
  }
  if (isNumeric(ref.numeric) && isNumeric(ans.numeric)) return gradeNumeric(ref.numeric, ans.numeric).correct;
  return null;
}
