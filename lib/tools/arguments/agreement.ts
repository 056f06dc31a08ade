import type { ArgumentAnnotation, ArgumentSpan } from "@/lib/formats/argument-types";

// Span and relation F1 between annotators of the same text (DESIGN.md "Numbers researchers need"),
// as argument-mining corpora report inter-annotator agreement: for each pair of annotators, spans
// match exactly (same label, same offsets) or by overlap (same label, overlapping offsets; one-to-one,
// largest overlaps first); relations match when their type matches and both ends are matched spans.
// F1 of a pair is 2·matches ÷ (|A| + |B|) (symmetric); pairs are pooled (micro-averaged).

export type F1 = { matches: number; a: number; b: number; f1: number | null };
export type ArgumentAgreement = { texts: number; pairs: number; spansExact: F1; spansOverlap: F1; relationsExact: F1; relationsOverlap: F1 };

type Mode = "exact" | "overlap";

/** One-to-one span matching between two annotations: A's span id → B's span id. */
function matchSpans(a: readonly ArgumentSpan[], b: readonly ArgumentSpan[], mode: Mode): Map<string, string> {
  const candidates: Array<{ x: string; y: string; size: number }> = [];
  for (const x of a) {
    for (const y of b) {
      if (x.label !== y.label) continue;
      if (mode === "exact" ? x.start === y.start && x.end === y.end : x.start < y.end && y.start < x.end) {
        candidates.push({ x: x.id, y: y.id, size: Math.min(x.end, y.end) - Math.max(x.start, y.start) });
      }
    }
  }
  candidates.sort((p, q) => q.size - p.size || p.x.localeCompare(q.x) || p.y.localeCompare(q.y));
  const map = new Map<string, string>();
  const used = new Set<string>();
  for (const c of candidates) {
    if (map.has(c.x) || used.has(c.y)) continue;
    map.set(c.x, c.y);
    used.add(c.y);
  }
  return map;
}

function relationMatches(a: ArgumentAnnotation, b: ArgumentAnnotation, map: Map<string, string>): number {
  const inB = new Set(b.relations.map((r) => `${r.label}\u0000${r.from}\u0000${r.to}`));
  let matches = 0;
  for (const r of a.relations) {
    const from = map.get(r.from);
    const to = map.get(r.to);
    const key = `${r.label}\u0000${from}\u0000${to}`;
    if (from !== undefined && to !== undefined && inB.has(key)) {
      matches += 1;
      inB.delete(key);
    }
  }
  return matches;
}

const empty = (): F1 => ({ matches: 0, a: 0, b: 0, f1: null });
const finish = (x: F1): F1 => ({ ...x, f1: x.a + x.b ? (2 * x.matches) / (x.a + x.b) : null });

/** Agreement over texts, each given as the annotations of its annotators (texts with one annotator add nothing). */
export function argumentAgreement(texts: ReadonlyArray<readonly ArgumentAnnotation[]>): ArgumentAgreement {
  const out = { texts: 0, pairs: 0, spansExact: empty(), spansOverlap: empty(), relationsExact: empty(), relationsOverlap: empty() };
  for (const annotations of texts) {
    if (annotations.length < 2) continue;
    out.texts += 1;
    for (let i = 0; i < annotations.length; i++) {
      for (let j = i + 1; j < annotations.length; j++) {
        const [a, b] = [annotations[i], annotations[j]];
        out.pairs += 1;
        for (const mode of ["exact", "overlap"] as const) {
          const map = matchSpans(a.spans, b.spans, mode);
          const spans = mode === "exact" ? out.spansExact : out.spansOverlap;
          const relations = mode === "exact" ? out.relationsExact : out.relationsOverlap;
          spans.matches += map.size;
          spans.a += a.spans.length;
          spans.b += b.spans.length;
          relations.matches += relationMatches(a, b, map);
          relations.a += a.relations.length;
          relations.b += b.relations.length;
        }
      }
    }
  }
  return { ...out, spansExact: finish(out.spansExact), spansOverlap: finish(out.spansOverlap), relationsExact: finish(out.relationsExact), relationsOverlap: finish(out.relationsOverlap) };
}
