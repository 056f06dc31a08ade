import type { ArgumentAnnotation } from "@/lib/formats/argument-types";
import { argumentAgreement, type ArgumentAgreement } from "@/lib/tools/arguments/agreement";

// Span agreement between reviewers of the same text for the span tools beyond argument structure
// (grounding marks, statements about a record): the argument tool's span F1 — exact (same label and
// offsets) and overlap (same label, overlapping, one to one) — pooled over reviewer pairs. A reviewer
// who marked nothing on a text still counts (an empty annotation), so missing marks lower agreement.

export type SpanAgreement = Pick<ArgumentAgreement, "texts" | "pairs" | "spansExact" | "spansOverlap">;

/** Collects each reviewer's spans per text (`key`: item, response and part), for spanAgreement. */
export class SpanTexts {
  private readonly texts = new Map<string, ArgumentAnnotation[]>();

  add(key: string, spans: ReadonlyArray<{ label: string; start: number; end: number; text: string }>) {
    const annotation: ArgumentAnnotation = { spans: spans.map((s, i) => ({ id: `s${i}`, label: s.label, start: s.start, end: s.end, text: s.text })), relations: [] };
    const list = this.texts.get(key);
    if (list) list.push(annotation);
    else this.texts.set(key, [annotation]);
  }

  agreement(): SpanAgreement {
    const { texts, pairs, spansExact, spansOverlap } = argumentAgreement([...this.texts.values()]);
    return { texts, pairs, spansExact, spansOverlap };
  }
}
