import type { LabelSet, SpanLabel } from "@/lib/formats/argument-types";

// Source-grounded summaries (issue 13): the reviewer marks stretches of the summary that the source
// does not support, by kind of hallucination, and stretches of the source the summary leaves out
// although they matter. The kinds follow the clinical-summarization error studies (fabricated
// content, wrong values, wrong entities, contradictions, unsupported inference; e.g. Tang et al. 2023,
// Asgari et al. 2025), in our own words. Zod-free: the review page imports it. Keys are stored;
// names are the interface's (tools.grounding.labels).

export const UNSUPPORTED_KINDS = ["fabricated", "wrong_value", "wrong_entity", "contradicts", "unsupported_inference"] as const;
export type UnsupportedKind = (typeof UNSUPPORTED_KINDS)[number];
export const OMITTED = "omitted";

// Dark enough for white label text (WCAG AA contrast, checked by axe in e2e).
const COLORS: Record<UnsupportedKind, string> = { fabricated: "#b91c1c", wrong_value: "#c2410c", wrong_entity: "#92400e", contradicts: "#be123c", unsupported_inference: "#6d28d9" };
const SHORTCUTS: Record<UnsupportedKind, string> = { fabricated: "f", wrong_value: "v", wrong_entity: "e", contradicts: "c", unsupported_inference: "i" };

/** What may be marked in a summary, named by `nameOf` (the interface's words). */
export function summaryLabelSet(nameOf: (key: UnsupportedKind) => string = (k) => k): LabelSet {
  return { labels: UNSUPPORTED_KINDS.map((key): SpanLabel => ({ key, name: nameOf(key), color: COLORS[key], shortcut: SHORTCUTS[key] })), relations: [] };
}

/** What may be marked in the source: an omission that matters. */
export function sourceLabelSet(name = "Omitted"): LabelSet {
  return { labels: [{ key: OMITTED, name, color: "#0369a1", shortcut: "o" }], relations: [] };
}
