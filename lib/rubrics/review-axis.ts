import type { ReviewAxis } from "@/lib/assignments/load-for-review";

// A stored rubric axis as the review form receives it: the one mapping for the review page, the
// adjudication page's consensus form and the rubric editor's preview. Client-safe.

export type StoredAxis = {
  key: string; label: string; help: string; type: ReviewAxis["type"]; appliesTo: ReviewAxis["appliesTo"]; required: boolean; options: unknown; min: number | null; max: number | null;
  polarity: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE"; allowsNotApplicable: boolean; bestValue: string | null; optionsFrom: string | null;
};

/** `sentences`: the options of an axis that takes them from the note; `textLimit`: the longest free-text answer accepted. */
export function reviewAxisOf(a: StoredAxis, opts: { sentences?: ReviewAxis["options"]; textLimit?: number } = {}): ReviewAxis {
  const fromNote = a.optionsFrom === "note_sentences";
  return {
    key: a.key,
    label: a.label,
    help: a.help,
    type: a.type,
    appliesTo: a.appliesTo,
    required: a.required,
    options: fromNote ? (opts.sentences ?? []) : (a.options as ReviewAxis["options"]),
    min: a.min,
    max: a.max,
    ...(a.appliesTo === "PAIR" ? { polarity: a.polarity } : {}),
    ...(a.allowsNotApplicable ? { allowsNotApplicable: true } : {}),
    ...(a.bestValue !== null ? { best: a.bestValue } : {}),
    ...(a.type === "TEXT" && opts.textLimit !== undefined ? { maxLength: opts.textLimit } : {}),
    ...(fromNote ? { pickSentence: true as const } : {}),
  };
}
