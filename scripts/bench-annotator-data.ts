import type { ArgumentAnnotation, ArgumentRelation, ArgumentSpan } from "@/lib/formats/argument-types";

// The text and the pre-existing annotation the annotator benchmark opens (scripts/bench-annotator.ts):
// ~20,000 characters of invented randomized-trial abstracts (Background / Methods / Results /
// Conclusion, the prose AbstRCT annotates) and a dense annotation over them — whole sentences as
// claims and premises, clauses nested inside them, spans overlapping across sentence boundaries —
// with support and attack relations. Deterministic (a fixed-seed generator), so every run measures
// the same page. Offsets are code points (decision 011); the text is all in the Basic Multilingual
// Plane, but offsets are still counted with Array.from so that nothing relies on it.

const DRUGS = ["demoxicillin", "valtoprazine", "lorimetin", "sefanolol", "carbextide", "tividronate", "olanzumab", "pirofenac"];
const CONDITIONS = [
  "community-acquired pneumonia", "chronic heart failure", "type 2 diabetes", "stage 3 chronic kidney disease",
  "moderate asthma", "rheumatoid arthritis", "postoperative atrial fibrillation", "major depressive disorder",
];
const OUTCOMES = ["all-cause mortality", "hospital readmission", "clinical cure at day 30", "HbA1c at 24 weeks", "exacerbations per year", "symptom-free days"];

const BACKGROUND = [
  "{condition} is a leading cause of hospital admission in adults over 65, and current guidelines rest on small trials.",
  "Whether {drug} improves {outcome} in patients with {condition} remains uncertain.",
  "Observational data suggest that earlier treatment may reduce {outcome}, but confounding by indication is likely.",
];
const METHODS = [
  "We randomly assigned {n} patients with {condition} to {drug} or placebo in a double-blind trial at {sites} centres.",
  "The primary outcome was {outcome}; secondary outcomes included adverse events and quality of life measured with the EQ-5D.",
  "Analyses followed the intention-to-treat principle, and missing data were handled by multiple imputation.",
];
const RESULTS = [
  "{outcome} occurred in {a}% of patients in the {drug} group and {b}% in the placebo group (hazard ratio {hr}, 95% CI {lo} to {hi}).",
  "Serious adverse events were reported in {c}% with {drug} and {d}% with placebo, mostly gastrointestinal and transient.",
  "The effect was consistent across prespecified subgroups defined by age, sex and baseline renal function.",
  "Adherence fell below 80% in one patient in five, which may have diluted the effect of treatment.",
  "Treatment was discontinued because of adverse events in {c}% of the {drug} group, compared with {d}% of the control group.",
];
const CONCLUSIONS = [
  "In patients with {condition}, {drug} reduced {outcome} without an excess of serious adverse events.",
  "These findings support {drug} as a first-line option, although longer follow-up is needed to confirm durability.",
  "However, the modest absolute benefit and the cost of treatment argue against routine use in low-risk patients.",
];

/** A small deterministic generator (mulberry32), so the benchmark's text and spans never change between runs. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)], int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

type Sentence = { start: number; end: number; section: "Background" | "Methods" | "Results" | "Conclusion"; text: string };

/** Abstracts until the text reaches `chars` characters (whole sentences; the last abstract may stop early). */
export function abstractsText(chars = 20_000, seed = 8): { text: string; sentences: Sentence[] } {
  const rng = generator(seed);
  let text = "";
  const sentences: Sentence[] = [];
  const fill = (template: string, vars: Record<string, string>) => {
    const s = template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k]);
    return s[0].toUpperCase() + s.slice(1);
  };
  while (text.length < chars) {
    const hr = (0.55 + rng.next() * 0.5).toFixed(2);
    const vars = {
      drug: rng.pick(DRUGS), condition: rng.pick(CONDITIONS), outcome: rng.pick(OUTCOMES), n: String(rng.int(180, 4200)), sites: String(rng.int(4, 96)),
      a: (5 + rng.next() * 10).toFixed(1), b: (8 + rng.next() * 10).toFixed(1), c: (2 + rng.next() * 6).toFixed(1), d: (2 + rng.next() * 6).toFixed(1),
      hr, lo: (Number(hr) - 0.2).toFixed(2), hi: (Number(hr) + 0.15).toFixed(2),
    };
    for (const [section, pool, count] of [["Background", BACKGROUND, 2], ["Methods", METHODS, 2], ["Results", RESULTS, 3], ["Conclusion", CONCLUSIONS, 2]] as const) {
      if (text.length >= chars) break; // stop at the target length, after a whole sentence
      text += `${text ? "\n" : ""}${section}: `;
      const order = [...pool].sort(() => rng.next() - 0.5).slice(0, count);
      order.forEach((template, i) => {
        const sentence = fill(template, vars);
        const start = Array.from(text).length;
        text += sentence;
        sentences.push({ start, end: start + Array.from(sentence).length, section, text: sentence });
        if (i < order.length - 1) text += " ";
      });
    }
  }
  return { text, sentences };
}

const LABEL_OF = { Background: "Claim", Methods: "Premise", Results: "Premise", Conclusion: "MajorClaim" } as const;

/**
 * `spanCount` spans and `relationCount` relations over the abstracts: every sentence a span (as
 * AbstRCT marks components), then spans that overlap two sentences (the end of one and the start of
 * the next, at every third sentence), then clauses nested in sentences (the words before the first
 * comma, or the first half) until there are `spanCount`; relations from claims and premises to
 * spans three, six, nine… places further in that list, one in six an attack.
 */
export function denseAnnotation(text: string, sentences: readonly Sentence[], spanCount = 300, relationCount = 300): ArgumentAnnotation {
  const points = Array.from(text);
  const slice = (start: number, end: number) => points.slice(start, end).join("");
  const spans: ArgumentSpan[] = [];
  const seen = new Set<string>();
  const add = (label: string, start: number, end: number) => {
    while (start < end && /\s/.test(points[start])) start++;
    while (end > start && /\s/.test(points[end - 1])) end--;
    const key = `${label}:${start}:${end}`;
    if (spans.length >= spanCount || start >= end || seen.has(key)) return;
    seen.add(key);
    spans.push({ id: `T${spans.length + 1}`, label, start, end, text: slice(start, end) });
  };
  for (const s of sentences) add(LABEL_OF[s.section], s.start, s.end);
  for (let i = 0; i + 1 < sentences.length; i += 3) {
    const a = sentences[i];
    const b = sentences[i + 1];
    // On word boundaries: from a word about 30 characters before the sentence's end to one about 25 after the next one's start.
    let start = a.end - Math.min(30, a.end - a.start - 1);
    while (start < a.end && !/\s/.test(points[start - 1])) start++;
    let end = b.start + Math.min(25, b.end - b.start - 1);
    while (end > b.start && !/\s/.test(points[end])) end--;
    add("Claim", start, end);
  }
  // Clauses of every other sentence first, so that nesting is spread over the whole text.
  for (const s of [...sentences.filter((_, i) => i % 2 === 0), ...sentences.filter((_, i) => i % 2 === 1)]) {
    const comma = s.text.indexOf(", ");
    const cut = comma > 10 ? comma : Math.floor(s.text.length / 2);
    add(s.section === "Conclusion" ? "Claim" : "Premise", s.start, s.start + Array.from(s.text.slice(0, cut)).length);
  }
  if (spans.length < spanCount) throw new Error(`The text holds only ${spans.length} spans; make it longer.`);

  const relations: ArgumentRelation[] = [];
  const related = new Set<string>();
  const arguing = spans.filter((s) => s.label !== "MajorClaim");
  for (let step = 1; relations.length < relationCount && step < spans.length; step++) {
    for (const from of arguing) {
      const at = spans.indexOf(from);
      const to = spans[(at + step * 3) % spans.length];
      const label = (at + step) % 6 === 0 ? "Attack" : "Support";
      const key = `${label}:${from.id}:${to.id}`;
      if (to.id === from.id || related.has(key)) continue;
      related.add(key);
      relations.push({ id: `R${relations.length + 1}`, label, from: from.id, to: to.id });
      if (relations.length >= relationCount) break;
    }
  }
  return { spans, relations };
}
