import { countCodePoints } from "../offsets";

// Whitespace tokens with code-point offsets: what CoNLL/BIO files of argument components use
// (AbstRCT's and CasiMedicos-Arg's BIO releases split on whitespace). Whitespace is Unicode's
// White_Space property (space, tab, line breaks, no-break space, ideographic space…), close to
// Python's str.split(); a text without whitespace, e.g. Chinese, is one token per run.

export type Token = { text: string; start: number; end: number };

const TOKEN = /[^\p{White_Space}]+/gu;

/** The maximal runs of non-whitespace characters, with code-point offsets (start inclusive, end exclusive). */
export function tokenizeWhitespace(text: string): Token[] {
  const tokens: Token[] = [];
  let cp = 0; // code points before `at`
  let at = 0; // UTF-16 index
  for (const match of text.matchAll(TOKEN)) {
    cp += countCodePoints(text.slice(at, match.index));
    const length = countCodePoints(match[0]);
    tokens.push({ text: match[0], start: cp, end: cp + length });
    cp += length;
    at = match.index + match[0].length;
  }
  return tokens;
}
