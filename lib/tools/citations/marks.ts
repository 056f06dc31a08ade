// Cited evidence (issue 13): a response may cite sources, each with the claim it backs and the
// passage it quotes or retrieved. The reviewer checks each citation against its passage and says
// whether it supports the claim, partly does, does not, or cannot be found at all (a fabricated
// reference — a recurring finding in the papers). Zod-free: the review page imports it.

export const CITATION_MARKS = ["supports", "partial", "not_supported", "not_found"] as const;
export type CitationMark = (typeof CITATION_MARKS)[number];

/** What a citation says about itself, as stored in Response.answer.citations (the passage apart). */
export type CitationRef = { claim?: string; title: string; url?: string; doi?: string; pmid?: string };

/**
 * Citation precision of one response: supports counts 1, partly ½, over the citations marked (a
 * fabricated or unsupporting citation counts 0). Null until every citation is marked.
 */
export function citationPrecision(marks: Record<string, CitationMark | undefined>, count: number): number | null {
  if (!count) return null;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const m = marks[String(i)];
    if (!m) return null;
    sum += m === "supports" ? 1 : m === "partial" ? 0.5 : 0;
  }
  return sum / count;
}
