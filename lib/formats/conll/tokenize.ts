// Whitespace tokens with code-point offsets: what CoNLL/BIO files of argument components use
// (AbstRCT's and CasiMedicos-Arg's BIO releases split on whitespace). Whitespace is Unicode's
// White_Space property (space, tab, line breaks, no-break space, ideographic space…), close to
// Python's str.split(); a text without whitespace, e.g. Chinese, is one token per run.

export type Token = { text: string; start: number; end: number };

const WHITESPACE = /^\p{White_Space}$/u;

/** The maximal runs of non-whitespace characters, with code-point offsets (start inclusive, end exclusive). */
export function tokenizeWhitespace(text: string): Token[] {
  const tokens: Token[] = [];
  let cp = 0;
  let current: { start: number; chars: string[] } | null = null;
  for (const char of text) {
    if (WHITESPACE.test(char)) {
      if (current) tokens.push({ text: current.chars.join(""), start: current.start, end: cp });
      current = null;
    } else if (current) current.chars.push(char);
    else current = { start: cp, chars: [char] };
    cp += 1;
  }
  if (current) tokens.push({ text: current.chars.join(""), start: current.start, end: cp });
  return tokens;
}
