import { FICTIONAL, SOURCE, type QaItem } from "./types";

// ---------------------------------------------------------------------------------------------
// Ranking four answers (issue 11): Med-PaLM 2's consultation ranking, most to least useful
// ---------------------------------------------------------------------------------------------

type Case = { id: string; specialty: string; q: string; answers: [string, string, string, string] };

// Four fictional models, each answer written to a different quality so the leaderboard has a shape.
const MODELS = ["demo-atlas", "demo-beacon", "demo-cirrus", "demo-delta"] as const;

const CASES: Case[] = [
  {
    id: "rk-001",
    specialty: "Emergency medicine",
    q: "I'm 58 and have had a heavy, pressing chest pain for 20 minutes that spreads to my left arm. What should I do?",
    answers: [
      "**Call emergency services now** (911/112/999). This could be a heart attack. While you wait: stop what you are doing and sit down; chew one 300 mg aspirin if you are not allergic and have not been told to avoid it; unlock the door. Do not drive yourself.",
      "This might be your heart. Call an ambulance, and chew an aspirin if you can take it.",
      "It is probably muscle strain, but if it gets worse over the next day, see your doctor.",
      "Take two paracetamol and lie down; chest pain often passes. Call your doctor tomorrow if it is still there.",
    ],
  },
  {
    id: "rk-002",
    specialty: "Family medicine",
    q: "How long should I wait before going back to work after the flu?",
    answers: [
      "Stay home until you have had **no fever for at least 24 hours without fever-reducing medicine** and you feel well enough. If you work with vulnerable people (hospitals, care homes), follow your workplace's rules, which may be stricter.",
      "Usually when the fever has gone for a day without medicine and you feel able to work.",
      "A week is standard for everyone.",
      "You can go back as soon as you feel like it; the flu is not contagious once you are up and about.",
    ],
  },
  {
    id: "rk-003",
    specialty: "Pharmacy",
    q: "Can I take ibuprofen with my blood pressure tablets?",
    answers: [
      "Occasionally, for a day or two, is usually fine for most people, but regular ibuprofen can **raise blood pressure and strain the kidneys**, especially with ACE inhibitors, ARBs or diuretics. Paracetamol is often a safer first choice. Ask your pharmacist, who can check your exact medicines.",
      "Short courses are usually fine, but ask your pharmacist because it can interact with some blood pressure medicines.",
      "Yes, there is no interaction.",
      "No, never take any painkiller with blood pressure tablets.",
    ],
  },
];

export function rankingShowcaseItems(): QaItem[] {
  return CASES.map((c) => ({
    externalId: c.id,
    specialty: c.specialty,
    question: c.q,
    metadata: SOURCE,
    responses: c.answers.map((content, i) => ({ modelName: MODELS[i], content })),
  }));
}

export const RANKING_GUIDELINES = `## How to rank
Read the question and **all four** answers. Put them in order from the **most useful** to the **least useful** for this patient, and say for each answer whether it contains anything wrong enough to harm a patient.

- Drag an answer, use its ↑ ↓ buttons, or focus it and press Alt+↑ / Alt+↓; press = to tie it with the one above when you cannot separate them.
- If the order shown is already yours, press *Keep this order* (or O).
- Where an answer falls short, *Write a corrected answer* under it: start from the model's text and change what it should have said. Corrections become fine-tuning records and preference pairs.

${FICTIONAL}`;
