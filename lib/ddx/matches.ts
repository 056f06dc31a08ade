// Differential-diagnosis grading as in AMIE (Tu et al., arXiv 2401.05654, §3; RUBRICS.md §5): the
// specialist marks each listed diagnosis against the case's ground truth; a list is correct at
// top-k when one of its first k entries is an exact, very close or closely related match.
// Client-safe (no zod here): the review page and the server share these definitions.

export const DDX_MATCHES = ["exact", "very_close", "closely_related", "unrelated"] as const;
export type DdxMatch = (typeof DDX_MATCHES)[number];

/** Labels; the first three are AMIE's, "Unrelated" is ours (RUBRICS.md marks it unverified). */
export const DDX_MATCH_LABELS: Record<DdxMatch, string> = {
  exact: "Exact match",
  very_close: "Very close",
  closely_related: "Closely related",
  unrelated: "Unrelated",
};

export const TOP_K = [1, 3, 5, 10] as const;

export function isDdxMatch(match: DdxMatch | null | undefined): boolean {
  return match === "exact" || match === "very_close" || match === "closely_related";
}

/** Marks by 0-based rank; unmarked entries count as no match. */
export function isCorrectAtK(marks: ReadonlyArray<DdxMatch | null | undefined>, k: number): boolean {
  return marks.slice(0, k).some(isDdxMatch);
}

export function topKOf(marks: ReadonlyArray<DdxMatch | null | undefined>): Record<string, boolean> {
  return Object.fromEntries(TOP_K.map((k) => [String(k), isCorrectAtK(marks, k)]));
}
