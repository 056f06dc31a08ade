import { SOURCE, type McqItem, type QaItem } from "./types";

// ---------------------------------------------------------------------------------------------
// 4. Reasoning steps and reference statements (issue 8)
// ---------------------------------------------------------------------------------------------
// Fictional cases whose model answers carry a reasoning trace to label step by step; some items carry
// clinician-written reference reasoning statements to mark covered. One answer is right for the wrong
// reasons, one is wrong, one is sound, so the results page has something to show.

const STATEMENTS_ENDOCARDITIS = [
  "Fever with a new regurgitant murmur raises suspicion of infective endocarditis.",
  "At least three sets of blood cultures are drawn before any antibiotic.",
  "Echocardiography looks for vegetations and valve damage.",
];

export function stepsShowcaseItems(): Array<QaItem | McqItem> {
  return [
    {
      kind: "qa",
      externalId: "st-001",
      specialty: "Cardiology",
      question: "A 58-year-old with a prosthetic valve has had fever for five days and a new murmur. What should happen next, and why?",
      reference: { statements: STATEMENTS_ENDOCARDITIS },
      metadata: SOURCE,
      responses: [
        {
          modelName: "demo-model-sound",
          content: "Draw three sets of blood cultures, then start empirical antibiotics and arrange an echocardiogram: this is suspected prosthetic-valve endocarditis.",
          reasoning:
            "1. Fever plus a new murmur in a patient with a prosthetic valve makes infective endocarditis the leading concern.\n2. Blood cultures must come before antibiotics, or the organism may never be identified.\n3. Three sets from separate sites raise the yield.\n4. Echocardiography (transoesophageal for prosthetic valves) looks for vegetations or abscess.\n5. Empirical antibiotics start after cultures because the patient is unwell.",
        },
        {
          modelName: "demo-model-shortcut",
          content: "Start antibiotics now and get an echocardiogram; blood cultures can follow.",
          reasoning:
            "1. The patient has a fever and a murmur.\n2. Fever means infection, so antibiotics should start at once.\n3. Cultures can be drawn later if the fever persists.\n4. An echocardiogram will show the valve.",
        },
      ],
    },
    {
      kind: "mcq",
      externalId: "st-002",
      specialty: "Pharmacology",
      question: "A patient on warfarin starts demoxicillin (a fictional antibiotic) and their INR rises from 2.5 to 5.1 with no bleeding. Best next step?",
      options: ["Stop warfarin permanently", "Hold one or two doses and recheck the INR", "Give intravenous vitamin K", "Add aspirin"],
      correctOption: "B",
      metadata: SOURCE,
      responses: [
        {
          modelName: "demo-model-sound",
          choice: "B",
          content: "Hold one or two doses and recheck the INR.",
          reasoning:
            "Step 1: An INR of 5.1 without bleeding is above range but not an emergency.\nStep 2: The antibiotic probably potentiated warfarin.\nStep 3: Holding doses lets the INR fall; vitamin K is for higher INRs or bleeding.\nStep 4: Recheck in one to two days and adjust the dose while the antibiotic continues.",
        },
        {
          modelName: "demo-model-shortcut",
          choice: "B",
          content: "Hold doses and recheck.",
          reasoning:
            "Step 1: The INR is 5.1, which is dangerously high.\nStep 2: Warfarin should always be stopped when the INR is above 5.\nStep 3: Therefore hold the next doses.\nStep 4: Recheck the INR.",
        },
      ],
    },
    {
      kind: "qa",
      externalId: "st-003",
      specialty: "Emergency medicine",
      question: "A 30-year-old has sudden pleuritic chest pain and breathlessness after a long flight. Heart rate 112, SpO₂ 92 %. What is the most likely diagnosis, and the first test?",
      reference: { statements: ["Sudden pleuritic pain and breathlessness after immobility suggest pulmonary embolism.", "Tachycardia and hypoxia support it.", "CT pulmonary angiography confirms it in a patient with a high pretest probability."] },
      metadata: SOURCE,
      responses: [
        {
          modelName: "demo-model-sound",
          content: "Pulmonary embolism; with a high pretest probability, go straight to CT pulmonary angiography.",
          reasoning:
            "The long flight is a risk factor for venous thrombosis.\n\nSudden pleuritic pain with breathlessness, a heart rate of 112 and an SpO₂ of 92 % fit pulmonary embolism.\n\nWith this high pretest probability a D-dimer adds little; CT pulmonary angiography is the first test.",
        },
        {
          modelName: "demo-model-shortcut",
          content: "Pneumothorax; a chest X-ray first.",
          reasoning:
            "Sudden chest pain in a young adult is usually a pneumothorax.\n\nThe oxygen saturation of 92 % is normal for someone who has flown.\n\nA chest X-ray will show the collapsed lung.",
        },
      ],
    },
  ];
}
