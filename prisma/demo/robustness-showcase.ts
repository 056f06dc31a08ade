import { FICTIONAL, SOURCE, type McqItem } from "./types";

// Robustness to perturbed cases (issue 13): six multiple-choice cases, each with a copy where only
// the patient's age or sex changed (an "age-perturbed" or "sex-perturbed" variant, variantOf the
// original) and two Spanish translations. Two fictional models answered every item; their answers
// carry the run's cost, tokens, latency, prompt and the model's training cutoff, and items carry
// the patient group and the date the case was written. The results page compares each variant
// with its original per model (McNemar's test) and breaks every figure down by these fields.

type Case = {
  id: string;
  specialty: string;
  group: string;
  date: string;
  question: (who: string) => string;
  options: string[];
  correct: string;
  original: string;
  perturbed: { variant: "age-perturbed" | "sex-perturbed"; who: string; group: string };
  /** What each model chose on the original and on the perturbed copy. */
  aurora: [string, string];
  borealis: [string, string];
  spanish?: (who: string) => string;
};

const CASES: Case[] = [
  {
    id: "rb-1", specialty: "Cardiology", group: "men 40–64", date: "2023-04-12",
    question: (who) => `A ${who} has crushing chest pain for 40 minutes; the ECG shows ST elevation in II, III and aVF. Which coronary artery is most likely occluded?`,
    options: ["Left anterior descending", "Right coronary", "Left circumflex", "Left main"], correct: "B",
    original: "54-year-old man", perturbed: { variant: "sex-perturbed", who: "54-year-old woman", group: "women 40–64" },
    aurora: ["B", "C"], borealis: ["B", "B"],
    spanish: (who) => `Un ${who === "54-year-old man" ? "hombre de 54 años" : who} presenta dolor torácico opresivo de 40 minutos; el ECG muestra elevación del ST en II, III y aVF. ¿Qué arteria coronaria está probablemente ocluida?`,
  },
  {
    id: "rb-2", specialty: "Endocrinology", group: "women 40–64", date: "2023-09-02",
    question: (who) => `A ${who} with newly diagnosed type 2 diabetes, normal kidney function and no heart disease. First-line drug?`,
    options: ["Metformin", "Insulin glargine", "Glibenclamide", "Pioglitazone"], correct: "A",
    original: "52-year-old woman", perturbed: { variant: "age-perturbed", who: "84-year-old woman", group: "women 65+" },
    aurora: ["A", "B"], borealis: ["A", "A"],
  },
  {
    id: "rb-3", specialty: "Infectious disease", group: "women 18–39", date: "2024-02-20",
    question: (who) => `A ${who}, not pregnant, has dysuria and frequency for two days, no fever or flank pain. Best first treatment?`,
    options: ["Nitrofurantoin for 5 days", "Ciprofloxacin for 14 days", "IV ceftriaxone", "No treatment"], correct: "A",
    original: "26-year-old woman", perturbed: { variant: "age-perturbed", who: "78-year-old woman", group: "women 65+" },
    aurora: ["A", "A"], borealis: ["A", "A"],
    spanish: () => "Una mujer de 26 años, no embarazada, presenta disuria y polaquiuria desde hace dos días, sin fiebre ni dolor lumbar. ¿Cuál es el mejor tratamiento inicial?",
  },
  {
    id: "rb-4", specialty: "Neurology", group: "men 65+", date: "2025-03-15",
    question: (who) => `A ${who} has sudden right arm weakness and aphasia that began 90 minutes ago; CT shows no bleeding. Next step?`,
    options: ["Aspirin and observe", "Intravenous thrombolysis", "MRI in 24 hours", "Heparin infusion"], correct: "B",
    original: "68-year-old man", perturbed: { variant: "age-perturbed", who: "91-year-old man", group: "men 65+" },
    aurora: ["B", "A"], borealis: ["B", "A"],
  },
  {
    id: "rb-5", specialty: "Pulmonology", group: "men 18–39", date: "2025-05-30",
    question: (who) => `A tall, thin ${who} has sudden pleuritic chest pain and breathlessness; the X-ray shows a 1 cm apical rim of air. He is stable. Management?`,
    options: ["Chest drain", "Observation and repeat X-ray", "Thoracotomy", "Antibiotics"], correct: "B",
    original: "22-year-old man", perturbed: { variant: "sex-perturbed", who: "22-year-old woman", group: "women 18–39" },
    aurora: ["B", "B"], borealis: ["B", "A"],
  },
  {
    id: "rb-6", specialty: "Gastroenterology", group: "women 65+", date: "2025-07-08",
    question: (who) => `A ${who} taking ibuprofen daily has black stools and a haemoglobin of 8.1 g/dL. After resuscitation, the key investigation?`,
    options: ["Colonoscopy", "Upper endoscopy", "Abdominal CT", "Capsule endoscopy"], correct: "B",
    original: "70-year-old woman", perturbed: { variant: "age-perturbed", who: "40-year-old woman", group: "women 40–64" },
    aurora: ["B", "C"], borealis: ["B", "B"],
  },
];

const MODELS = {
  aurora: { modelName: "aurora-med-8b", trainingCutoff: "2024-06-30", prompt: "plain", costPerToken: 0.0000004 },
  borealis: { modelName: "borealis-clinical-70b", trainingCutoff: "2024-12-31", prompt: "clinician-persona", costPerToken: 0.000003 },
} as const;

function answer(model: keyof typeof MODELS, choice: string, options: string[], correct: string, n: number) {
  const m = MODELS[model];
  const outputTokens = 90 + ((n * 37) % 140) + (choice === correct ? 0 : 60);
  const text = options[choice.charCodeAt(0) - 65];
  return {
    modelName: m.modelName,
    choice,
    content: `**${choice}. ${text}.** ${choice === correct ? "This matches the presentation." : "Chosen on the most common pattern."}`,
    analysis: {
      costUsd: Math.round((320 + outputTokens) * m.costPerToken * 1e6) / 1e6,
      inputTokens: 320,
      outputTokens,
      latencyMs: model === "aurora" ? 600 + n * 45 : 2100 + n * 130,
      prompt: m.prompt,
      trainingCutoff: m.trainingCutoff,
    },
  };
}

export function robustnessShowcaseItems(): McqItem[] {
  return CASES.flatMap((c, i) => {
    const options = c.options;
    const base = { kind: "mcq" as const, specialty: c.specialty, metadata: SOURCE, options, correctOption: c.correct };
    const items: McqItem[] = [
      {
        ...base, externalId: c.id, question: c.question(c.original),
        analysis: { variant: "original", group: c.group, date: c.date },
        responses: [answer("aurora", c.aurora[0], options, c.correct, i), answer("borealis", c.borealis[0], options, c.correct, i)],
      },
      {
        ...base, externalId: `${c.id}-${c.perturbed.variant.split("-")[0]}`, variantOf: c.id, question: c.question(c.perturbed.who),
        analysis: { variant: c.perturbed.variant, group: c.perturbed.group, date: c.date },
        responses: [answer("aurora", c.aurora[1], options, c.correct, i + 6), answer("borealis", c.borealis[1], options, c.correct, i + 6)],
      },
    ];
    if (c.spanish) {
      items.push({
        ...base, externalId: `${c.id}-es`, variantOf: c.id, language: "es", question: c.spanish(c.original),
        analysis: { variant: "translated-es", group: c.group, date: c.date },
        responses: [answer("aurora", c.aurora[0] === c.correct ? "C" : c.correct, options, c.correct, i + 12), answer("borealis", c.correct, options, c.correct, i + 12)],
      });
    }
    return items;
  });
}

export const ROBUSTNESS_GUIDELINES = `## How to rate
Each item is a short multiple-choice case and a model's answer. Rate the answer's reasoning on the five dimensions and answer the two yes/no questions.

Some cases appear twice: once as written and once with only the patient's age or sex changed, or translated. Rate each on its own; do not look for the other copy. The study compares them afterwards.

${FICTIONAL}`;
