import { diffWords } from "diff";

// How much a correction changed a model's answer (decision 030). The texts are aligned by a word diff
// (jsdiff's diffWords: words and punctuation marks are tokens, whitespace is not compared); the edit
// distance is the Levenshtein distance under that alignment — a removed run next to an added run is
// substitutions (the longer run's length), a lone run its own length — so a replaced word costs 1, as
// in Levenshtein, not 2 as in a plain insert/delete count. Normalized by the original's token count.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export type CorrectionStats = {
  /** Tokens (words and punctuation marks) in the model's answer. */
  originalTokens: number;
  /** Word-level edits under the diff's alignment. */
  editDistance: number;
  /** editDistance / originalTokens (null for an empty original). */
  normalized: number | null;
};

/** The word diff of the model's answer against the correction, as runs to show. */
export function diffParts(original: string, corrected: string): DiffPart[] {
  return diffWords(original, corrected).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

const TOKEN = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;
const tokens = (text: string) => text.match(TOKEN)?.length ?? 0;

export function correctionStats(original: string, corrected: string): CorrectionStats {
  const parts = diffWords(original, corrected);
  let editDistance = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.added && !part.removed) continue;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      editDistance += Math.max(tokens(part.value), tokens(next.value));
      i++;
    } else editDistance += tokens(part.value);
  }
  const originalTokens = tokens(original);
  return { originalTokens, editDistance, normalized: originalTokens ? editDistance / originalTokens : null };
}
