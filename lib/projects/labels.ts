// Display labels the review page needs in the browser; kept apart from settings.ts so that
// importing them does not pull zod into the client bundle.

/** Confidence anchors: Artino et al., AMEE Guide 87, Med Teach 2014;36:463–474, Table 3 (RUBRICS.md §8). */
export const CONFIDENCE_LABELS = ["Not at all confident", "Slightly confident", "Moderately confident", "Quite confident", "Extremely confident"] as const;

/** Pairwise strength levels when the project switches them on. */
export const PAIR_STRENGTH_LABELS = ["Slightly", "Clearly", "Much"] as const;
