import { DEMO_AUDIO_SRC, DEMO_AUDIO_TURNS } from "@/lib/seed/demo-audio";
import { DEMO_SLICES } from "@/lib/seed/demo-image";
import { FICTIONAL, SOURCE, type DialogueItem, type McqItem, type QaItem, type SummaryItem, type VqaItem } from "./types";

// Small answer formats the papers use (issue 13): numeric answers with a unit and an accepted range
// (MedCalc-Bench: a patient note, a calculator question, the value with lower and upper limits),
// select-all-that-apply questions, and a voice consultation with its recording (synthetic tones
// standing in for speech: lib/seed/demo-audio.ts) and a timed transcript, and an answer whose cited
// sources reviewers check (one of them does not exist). The project reveals the answer key, so reviewers see the
// accepted range or correct options and the automatic grade beside each model's answer.

const calculator = (externalId: string, question: string, context: string, key: QaItem["numeric"], answers: Array<[string, number, string | undefined, string]>): QaItem => ({
  kind: "qa",
  externalId,
  specialty: "Clinical calculators",
  metadata: SOURCE,
  question,
  context,
  numeric: key,
  responses: answers.map(([modelName, value, unit, content]) => ({ modelName, content, numeric: { value, ...(unit ? { unit } : {}) } })),
});

const VOICE_LINES = [
  ["patient", "I've had a cough for about three weeks now, and I'm more tired than usual."],
  ["doctor", "Have you coughed up any blood, or lost weight without trying?"],
  ["patient", "A little blood once, last week. And my trousers are looser."],
  ["doctor", "Thank you. Do you smoke, or have you been around anyone with tuberculosis?"],
] as const;

function voiceConsultation(): DialogueItem {
  return {
    kind: "dialogue",
    externalId: "voice-1",
    specialty: "Primary care",
    metadata: SOURCE,
    turns: VOICE_LINES.map(([speaker, text]) => ({ role: speaker === "doctor" ? ("clinician" as const) : ("patient" as const), content: text })),
    audio: {
      src: DEMO_AUDIO_SRC,
      caption: "Telephone consultation (synthetic audio: tones stand in for the two voices)",
      transcript: VOICE_LINES.map(([speaker, text], i) => ({ speaker, start: DEMO_AUDIO_TURNS[i][0], end: DEMO_AUDIO_TURNS[i][1], text })),
    },
    responses: [
      { modelName: "aurora-med-8b", content: "Suggest cough syrup and review in two weeks." },
      { modelName: "borealis-clinical-70b", content: "Haemoptysis with weight loss needs an urgent chest X-ray and referral; ask about night sweats and fever." },
    ],
  };
}

/** Cited evidence: one answer cites real-sounding sources with their passages; the other cites a paper that does not exist. */
function citedAnswer(): QaItem {
  return {
    kind: "qa",
    externalId: "evidence-1",
    specialty: "Cardiology",
    metadata: SOURCE,
    question: "Should a healthy 70-year-old start daily low-dose aspirin to prevent a first heart attack?",
    responses: [
      {
        modelName: "aurora-med-8b",
        content: "Usually **not**: for people over 60 without heart disease, the bleeding risk outweighs the benefit [1][2].",
        citations: [
          { claim: "For people over 60 without heart disease, starting aspirin is not recommended.", title: "Demo guideline on aspirin for primary prevention (fictional)", passage: "Adults aged 60 years or older should not start low-dose aspirin for the primary prevention of cardiovascular disease." },
          { claim: "The bleeding risk outweighs the benefit.", title: "Demo trial of aspirin in older adults (fictional)", passage: "Aspirin did not reduce cardiovascular events and major haemorrhage was more frequent (3.8 % vs 2.8 %)." },
        ],
      },
      {
        modelName: "borealis-clinical-70b",
        content: "Yes: daily aspirin halves the risk of a first heart attack at any age [1].",
        citations: [{ claim: "Daily aspirin halves the risk of a first heart attack at any age.", title: "Halving infarction with aspirin: a meta-analysis of 2 million adults (fictional, does not exist)", doi: "10.9999/demo.0000" }],
      },
    ],
  };
}

export const DISCHARGE_LETTER = `Mrs A, 78, was admitted with community-acquired pneumonia of the right lower lobe.
She was treated with oral amoxicillin for 5 days and improved quickly.
Her warfarin was paused on admission because her INR was 4.1, and restarted at a lower dose on day 4.
She was discharged home on day 6 with a GP follow-up in 2 weeks and an INR check in 3 days.`;

/** A discharge letter and two summaries for the GP: one faithful, one with a wrong drug and duration and an omission. */
function dischargeSummary(): SummaryItem {
  return {
    kind: "summary",
    externalId: "summary-1",
    specialty: "General medicine",
    metadata: SOURCE,
    instruction: "Summarize this discharge letter for the patient's GP in one or two sentences.",
    source: DISCHARGE_LETTER,
    responses: [
      { modelName: "aurora-med-8b", content: "Pneumonia treated with IV ceftriaxone for 10 days; discharged on day 6 with GP follow-up in 2 weeks." },
      { modelName: "borealis-clinical-70b", content: "Right lower-lobe pneumonia treated with oral amoxicillin for 5 days. Warfarin was paused (INR 4.1) and restarted at a lower dose: INR check in 3 days, GP follow-up in 2 weeks." },
    ],
  };
}

/** Image series: a prior and a current film side by side, zooming together; and a stack of CT-like slices. */
function imageSeries(): VqaItem[] {
  return [
    {
      kind: "vqa",
      externalId: "series-compare-1",
      specialty: "Radiology",
      metadata: SOURCE,
      layout: "compare",
      question: "Compare the current film with the prior: what has changed?",
      images: [
        { src: "demo/cxr-1.png", modality: "X-ray", view: "PA", caption: "Prior (synthetic image drawn for the demo)" },
        { src: "demo/cxr-2.png", modality: "X-ray", view: "PA", caption: "Current, three days later (synthetic)" },
      ],
      responses: [
        { modelName: "aurora-med-8b", content: "New right lower-zone opacity since the prior film, in keeping with consolidation." },
        { modelName: "borealis-clinical-70b", content: "No change from the prior film." },
      ],
    },
    {
      kind: "vqa",
      externalId: "series-stack-1",
      specialty: "Radiology",
      metadata: SOURCE,
      layout: "stack",
      question: "Scroll through the slices: is there a pulmonary nodule, and on which slices?",
      images: Array.from({ length: DEMO_SLICES }, (_, i) => ({ src: `demo/ct-${String(i + 1).padStart(2, "0")}.png`, modality: "CT", view: "axial", caption: `Slice ${i + 1} (synthetic)` })),
      responses: [
        { modelName: "aurora-med-8b", content: "A small right upper-lobe nodule on the middle slices (about 5–8)." },
        { modelName: "borealis-clinical-70b", content: "No nodule is seen." },
      ],
    },
  ];
}

export function formatsShowcaseItems(): Array<QaItem | McqItem | DialogueItem | SummaryItem | VqaItem> {
  return [
    ...imageSeries(),
    voiceConsultation(),
    citedAnswer(),
    dischargeSummary(),
    calculator(
      "calc-crcl-1",
      "Using the Cockcroft–Gault equation, what is the patient's creatinine clearance?",
      "A 72-year-old woman weighing 60 kg has a serum creatinine of 1.1 mg/dL.",
      { value: 46.4, unit: "mL/min", lower: 44.08, upper: 48.72 },
      [
        ["aurora-med-8b", 54.5, "mL/min", "CrCl = (140 − 72) × 60 / (72 × 1.1) = **51.5**… rounding, about **54.5 mL/min** (forgot the 0.85 factor)."],
        ["borealis-clinical-70b", 46.4, "mL/min", "CrCl = (140 − 72) × 60 × 0.85 / (72 × 1.1) = **46.4 mL/min**."],
      ],
    ),
    calculator(
      "calc-chads-1",
      "What is the patient's CHA₂DS₂-VASc score?",
      "A 67-year-old woman with atrial fibrillation, treated hypertension and type 2 diabetes; no heart failure, stroke or vascular disease.",
      { value: 4, unit: "points" },
      [
        ["aurora-med-8b", 4, "points", "Age 65–74 (1) + female (1) + hypertension (1) + diabetes (1) = **4**."],
        ["borealis-clinical-70b", 3, "points", "Age (1) + hypertension (1) + diabetes (1) = **3**."],
      ],
    ),
    calculator(
      "calc-bmi-1",
      "What is the patient's body-mass index?",
      "A 45-year-old man, 1.80 m tall, weighing 97 kg.",
      { value: 29.9, unit: "kg/m²", relativeTolerance: 0.02 },
      [
        ["aurora-med-8b", 29.9, "kg/m²", "97 / 1.80² = **29.9 kg/m²** (overweight)."],
        ["borealis-clinical-70b", 0.0299, "kg/cm²", "97 / 180² = **0.0299** — units slipped."],
      ],
    ),
    {
      kind: "mcq",
      externalId: "select-all-1",
      specialty: "Pharmacology",
      metadata: SOURCE,
      question: "Which of these drugs can raise serum potassium? **Select all that apply.**",
      options: ["Spironolactone", "Furosemide", "Lisinopril", "Hydrochlorothiazide", "Trimethoprim"],
      correctOptions: ["A", "C", "E"],
      responses: [
        { modelName: "aurora-med-8b", choices: ["A", "C"], content: "Spironolactone and ACE inhibitors retain potassium." },
        { modelName: "borealis-clinical-70b", choices: ["A", "C", "E"], content: "Spironolactone, lisinopril and trimethoprim (an ENaC blocker, like amiloride)." },
      ],
    },
  ];
}

export const FORMATS_GUIDELINES = `## How to rate
Each item asks for a number (a clinical calculator) or for every correct option, or plays a recorded consultation (listen, or jump to a line of the transcript) and asks for the AI's next step, or cites sources: check each citation against its passage (1 supports, 2 partly, 3 does not support, 4 not found), or summarizes a letter: mark what each summary gets wrong and what it leaves out. The accepted answer and the automatic grade are shown beside each model's answer: check the grade against the model's working, then rate the reasoning. A right number reached the wrong way is "right answer, wrong reasoning".

${FICTIONAL}`;
