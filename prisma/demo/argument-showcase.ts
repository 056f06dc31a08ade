import type { ArgumentAnnotation } from "@/lib/formats/argument-types";
import { FICTIONAL, SOURCE, type McqItem, type NoteItem, type QaItem, type ShowcaseItem } from "./types";

// ---------------------------------------------------------------------------------------------
// Argument structure (issue 8; DESIGN.md tool 5): invented trial abstracts (one pre-annotated, as a
// brat import would leave it), a model answer with its reasoning, an exam explanation, and texts in
// Arabic, Hebrew and with emoji/CJK characters so that right-to-left display and code-point offsets
// can be tried at once. The drug "demoxicillin" and every trial are fictional.
// ---------------------------------------------------------------------------------------------

/** A span over `part` (its first occurrence after `from`), with code-point offsets. */
function spanOf(text: string, id: string, label: string, part: string, from = 0) {
  const at = text.indexOf(part, from);
  if (at < 0) throw new Error(`"${part}" is not in the text`);
  const start = Array.from(text.slice(0, at)).length;
  return { id, label, start, end: start + Array.from(part).length, text: part };
}

const ABSTRACT_1 = ` Background: Community-acquired pneumonia in older adults is often treated for ten days. We compared five days of demoxicillin with ten days in 412 patients aged 65 or over.
Results: Clinical cure at day 30 was 88% with five days and 86% with ten days (difference 2 points, 95% CI -4 to 8). Diarrhoea was less frequent with five days (6% vs 13%). Three patients in the five-day group were readmitted, against one in the ten-day group.
Conclusion: Five days of demoxicillin is as effective as ten days for older adults with community-acquired pneumonia, and causes fewer adverse effects.`;

function preAnnotation(): ArgumentAnnotation {
  const t = ABSTRACT_1;
  const spans = [
    spanOf(t, "T1", "Premise", "Clinical cure at day 30 was 88% with five days and 86% with ten days (difference 2 points, 95% CI -4 to 8)."),
    spanOf(t, "T2", "Premise", "Diarrhoea was less frequent with five days (6% vs 13%)."),
    spanOf(t, "T3", "Premise", "Three patients in the five-day group were readmitted, against one in the ten-day group."),
    spanOf(t, "T4", "MajorClaim", "Five days of demoxicillin is as effective as ten days for older adults with community-acquired pneumonia"),
    spanOf(t, "T5", "Claim", "causes fewer adverse effects"),
  ];
  return {
    spans,
    relations: [
      { id: "R1", label: "Support", from: "T1", to: "T4" },
      { id: "R2", label: "Support", from: "T2", to: "T5" },
      { id: "R3", label: "Attack", from: "T3", to: "T4" },
    ],
  };
}

const notes: NoteItem[] = [
  { kind: "note", externalId: "arg-abstract-1", text: ABSTRACT_1, responses: [], reference: { arguments: { "item.text": preAnnotation() } } as NoteItem["reference"], metadata: SOURCE },
  {
    kind: "note",
    externalId: "arg-abstract-2",
    text: "Background: Night-time dosing of antihypertensives has been proposed to lower cardiovascular events.\nMethods: 1,020 adults were randomised to morning or evening dosing of their usual tablets and followed for three years.\nResults: Events occurred in 5.1% with evening and 5.4% with morning dosing (hazard ratio 0.94, 95% CI 0.71 to 1.25). Adherence was lower with evening dosing.\nConclusion: Evening dosing did not reduce cardiovascular events, and morning dosing remains a reasonable default.",
    responses: [],
    metadata: SOURCE,
  },
  {
    kind: "note",
    externalId: "arg-ar-1",
    language: "ar",
    text: "ضغط الدم 150/95 في ثلاث زيارات متتالية. لذلك يُشخَّص المريض بارتفاع ضغط الدم، ويُنصح بتغيير نمط الحياة أولاً.",
    responses: [],
    metadata: SOURCE,
  },
  {
    kind: "note",
    externalId: "arg-he-1",
    language: "he",
    text: "לחץ דם 140/90 בשתי מדידות. על כן מומלץ לחזור על המדידה בבית לפני שמתחילים טיפול.",
    responses: [],
    metadata: SOURCE,
  },
  {
    kind: "note",
    externalId: "arg-multi-1",
    text: "Patient diary 📓: fever 🌡️ 38.9°C for 3 days 🙂 then none. 患者は𠮷田さん。So the fever has resolved without treatment.",
    responses: [],
    metadata: SOURCE,
  },
];

const qa: QaItem = {
  kind: "qa",
  externalId: "arg-qa-1",
  question: "A 70-year-old with community-acquired pneumonia is improving on day 5 of demoxicillin. Should the antibiotic be stopped?",
  responses: [
    {
      modelName: "demo-model-a",
      content: "Yes. Stop on day 5: the patient is improving, and trials in older adults found five days as effective as ten with fewer side effects.",
      reasoning: "The patient is afebrile and eating. Short courses are non-inferior in trials. Longer courses add diarrhoea and resistance. Therefore stopping at day 5 is reasonable, provided he stays stable for 48 hours.",
    },
    {
      modelName: "demo-model-b",
      content: "No. Older patients need the full ten days, because pneumonia in the elderly is more severe.",
      reasoning: "Age over 65 is a risk factor. Risk factors mean longer treatment. So ten days.",
    },
  ],
  metadata: SOURCE,
};

const mcq: McqItem = {
  kind: "mcq",
  externalId: "arg-mcq-1",
  question: "A 24-year-old woman has microcytic anaemia and heavy periods. What is the most likely cause?",
  options: ["Thalassaemia trait", "Iron deficiency from menstrual loss", "Anaemia of chronic disease", "Lead poisoning"],
  correctOption: "B",
  reference: {
    explanation: "Heavy menstrual bleeding is the commonest cause of iron deficiency in young women. The anaemia is microcytic, which fits iron deficiency. Thalassaemia trait is possible but would not explain the heavy periods. Therefore the answer is iron deficiency from menstrual loss.",
  },
  responses: [{ modelName: "demo-model-a", content: "B", choice: "B" }],
  metadata: SOURCE,
};

export function argumentShowcaseItems(): ShowcaseItem[] {
  return [...notes, qa, mcq];
}

export const ARGUMENT_SHOWCASE = {
  slug: "argument-showcase",
  name: "Argument structure: claims, premises and relations (demo)",
  template: "argument-structure",
  blinded: true,
  settings: {},
  guidelines: `## How to annotate argument structure
Mark the **argument components** of each text and how they relate.

- Select text with the mouse (or move with ← → and extend with Shift+← →), then press **M** (major claim), **C** (claim) or **P** (premise).
- Click a span (or step with [ and ]) to select it; **Delete** removes it, a label key relabels it.
- Relations: select the source span, press **R**, then **1** (support) or **2** (attack), step to the target with [ ] and press **Space** — or drag the source's label tag onto the target.
- The first abstract comes with spans imported from a corpus: correct them as needed.

${FICTIONAL}`,
  items: argumentShowcaseItems,
} as const;
