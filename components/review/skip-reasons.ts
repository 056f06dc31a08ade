// The skip dialog's ready-made reasons. The reason is stored in English (the study team reads skip
// reasons together, whatever language each reviewer uses); the dialog and the review page show it
// in the reader's language (messages review.skip.reasons.<key>).

export const SKIP_REASON_KEYS = ["expertise", "cannotJudge", "unreadable", "conflict"] as const;
export type SkipReasonKey = (typeof SKIP_REASON_KEYS)[number];

export const SKIP_REASON_TEXT: Record<SkipReasonKey, string> = {
  expertise: "Outside my expertise",
  cannotJudge: "Cannot judge from the information given",
  unreadable: "Content is unreadable or broken",
  conflict: "Conflict of interest",
};

/** A stored skip reason for display: a ready-made reason (alone or followed by ": details") in the reader's language. */
export function skipReasonText(reason: string, translate: (key: SkipReasonKey) => string): string {
  for (const key of SKIP_REASON_KEYS) {
    const text = SKIP_REASON_TEXT[key];
    if (reason === text) return translate(key);
    if (reason.startsWith(`${text}: `)) return `${translate(key)}: ${reason.slice(text.length + 2)}`;
  }
  return reason;
}
