import type { LabelSet, SpanLabel } from "@/lib/formats/argument-types";

// Statements about a patient record (issue 13): the reviewer marks each statement of a model's output
// and says whether the record supports it, contradicts it, or holds nothing about it — and links the
// first two to the record entries that show it. The label of a span is its verdict. Zod-free (the
// review page imports it); names are the interface's (tools.recordLinks.verdicts).

export const STATEMENT_VERDICTS = ["supported", "contradicted", "unsupported"] as const;
export type StatementVerdict = (typeof STATEMENT_VERDICTS)[number];

// Dark enough for white label text (WCAG AA, checked by axe in e2e).
const COLORS: Record<StatementVerdict, string> = { supported: "#15803d", contradicted: "#b91c1c", unsupported: "#92400e" };
const SHORTCUTS: Record<StatementVerdict, string> = { supported: "y", contradicted: "x", unsupported: "n" };

export function statementLabelSet(nameOf: (key: StatementVerdict) => string = (k) => k): LabelSet {
  return { labels: STATEMENT_VERDICTS.map((key): SpanLabel => ({ key, name: nameOf(key), color: COLORS[key], shortcut: SHORTCUTS[key] })), relations: [] };
}

/** Verdicts that rest on entries: the statement must be linked to at least one. */
export const needsEntries = (verdict: string) => verdict === "supported" || verdict === "contradicted";
