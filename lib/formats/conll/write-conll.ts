import type { ArgumentAnnotation } from "../argument-types";
import { tagTokens, type BioOptions } from "./tag-tokens";

// CoNLL-style BIO export of argument components: one "token<TAB>tag" per line, IOB2 tags
// (B-Claim, I-Claim, O), a blank line between documents — the layout of AbstRCT's BIO release
// (hitz-zentroa/multilingual-abstrct), which has a blank line between sentences instead.
// A document without any token writes no line (and so no blank line either).

export type ConllOptions = BioOptions & {
  /** Between token and tag; a tab unless a tool wants a space (tokens never contain whitespace). */
  separator?: "\t" | " ";
};

/** The BIO file of the documents, in the order given; ends with a line break. */
export function writeConll(documents: readonly { text: string; annotation: ArgumentAnnotation }[], opts: ConllOptions = {}): string {
  const separator = opts.separator ?? "\t";
  const blocks = documents
    .map((doc) => tagTokens(doc.text, doc.annotation.spans, opts).map((t) => `${t.text}${separator}${t.tag}`))
    .filter((lines) => lines.length > 0)
    .map((lines) => `${lines.join("\n")}\n`);
  return blocks.join("\n");
}
