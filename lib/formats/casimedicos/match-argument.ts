import type { ArgumentSpan } from "../argument-types";
import { quote } from "../format-issue";

// CasiMedicos-Arg gives relations as pairs of texts, not span ids. Most argument texts are a span's
// text without its final punctuation ("…risk of recurrence" for the span "…risk of recurrence."),
// some also without an opening bracket ("Answer 2 correct" for "(Answer 2 correct)."), and a few
// are cut or are part of a longer span ("s a reminder, …" for "As a reminder, …"). So a text
// matches, in this order: the one span equal to it once punctuation and spaces at both ends are
// set aside; else the one span that contains it (an inexact match the reader notes). Two equally
// good spans, or none, is an error: a relation is never attached by guess.

export type ArgumentMatch = { span: ArgumentSpan; exact: boolean } | { error: string };

const EDGES = /^[\p{P}\p{White_Space}]+|[\p{P}\p{White_Space}]+$/gu;

function core(text: string): string {
  return text.replace(EDGES, "");
}

function where(spans: ArgumentSpan[]): string {
  return spans.map((s) => `${s.label} at ${s.start}–${s.end}`).join(", ");
}

/** The span an argument text stands for, among the document's spans. */
export function matchArgument(argument: string, text: string, spans: readonly ArgumentSpan[]): ArgumentMatch {
  const wanted = argument.trim();
  const key = core(wanted);
  if (key === "") return { error: `An argument text is empty (${quote(argument)}).` };
  const equal = spans.filter((s) => core(s.text) === key);
  if (equal.length === 1) return { span: equal[0], exact: true };
  if (equal.length > 1) return { error: `The argument ${quote(wanted)} matches ${equal.length} spans equally (${where(equal)}); the relation cannot say which.` };
  const containing = spans.filter((s) => s.text.includes(wanted));
  if (containing.length === 1) return { span: containing[0], exact: false };
  if (containing.length > 1) return { error: `The argument ${quote(wanted)} occurs in ${containing.length} spans (${where(containing)}); the relation cannot say which.` };
  if (text.includes(wanted)) return { error: `The argument ${quote(wanted)} is in the document, but not inside any span it could stand for.` };
  return { error: `The argument ${quote(wanted)} is not in the document's text.` };
}
