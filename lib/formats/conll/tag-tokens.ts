import type { ArgumentSpan } from "../argument-types";
import { tokenizeWhitespace, type Token } from "./tokenize";

// IOB2 tags of a text's whitespace tokens from its spans. A token is tagged by a span that
// covers it, wholly or in part (a span that ends before a token's final full stop still tags the
// token). BIO has one tag per token, so overlapping and nested spans cannot all survive: the
// outermost, longest span wins each token (ties: earlier start, then label, then list order), and
// the tokens a longer span leaves to a shorter one are tagged B- where that span resumes (decision 011).

export type TaggedToken = Token & { tag: string };

export type BioOptions = {
  /** Tag MajorClaim spans as Claim, as AbstRCT's own BIO release does. */
  foldMajorClaim?: boolean;
};

type Candidate = { span: ArgumentSpan; at: number };

function wins(a: Candidate, b: Candidate): boolean {
  const length = a.span.end - a.span.start - (b.span.end - b.span.start);
  if (length !== 0) return length > 0;
  if (a.span.start !== b.span.start) return a.span.start < b.span.start;
  if (a.span.label !== b.span.label) return a.span.label < b.span.label;
  return a.at < b.at;
}

/** First token whose end is after `offset` (binary search; tokens are ascending and disjoint). */
function firstEndingAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each whitespace token of `text` with its IOB2 tag (B-Label, I-Label or O). */
export function tagTokens(text: string, spans: readonly ArgumentSpan[], opts: BioOptions = {}): TaggedToken[] {
  const tokens = tokenizeWhitespace(text);
  const chosen: (Candidate | undefined)[] = new Array(tokens.length);
  spans.forEach((span, at) => {
    const candidate = { span, at };
    for (let t = firstEndingAfter(tokens, span.start); t < tokens.length && tokens[t].start < span.end; t += 1) {
      const current = chosen[t];
      if (!current || wins(candidate, current)) chosen[t] = candidate;
    }
  });
  const labelOf = (label: string) => (opts.foldMajorClaim && label === "MajorClaim" ? "Claim" : label);
  return tokens.map(({ text: word, start, end }, t) => {
    const candidate = chosen[t];
    if (!candidate) return { text: word, start, end, tag: "O" };
    const continues = t > 0 && chosen[t - 1] === candidate;
    return { text: word, start, end, tag: `${continues ? "I" : "B"}-${labelOf(candidate.span.label)}` };
  });
}
