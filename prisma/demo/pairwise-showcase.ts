import { SOURCE, type QaItem } from "./types";

// ---------------------------------------------------------------------------------------------
// 2. Med-PaLM 2 pairwise
// ---------------------------------------------------------------------------------------------

type Pair = { id: string; specialty: string; q: string; better: string; worse: string };

const PAIRS: Pair[] = [
  {
    id: "pw-001",
    specialty: "Infectious disease",
    q: "Can I drink alcohol while I'm taking metronidazole?",
    better:
      "It's best **not** to. Avoid alcohol during the course and for at least **48 to 72 hours after the last dose**: together they can cause flushing, nausea, vomiting, headache and a fast heartbeat. Check labels too, since some mouthwashes and cough syrups contain alcohol.",
    worse: "No, avoid alcohol while you're taking it.",
  },
  {
    id: "pw-002",
    specialty: "Cardiology",
    q: "What's the best way to lower my LDL cholesterol?",
    better:
      "It depends on your overall cardiovascular risk, so start with your clinician. For most people:\n\n1. **Diet:** less saturated fat (fatty meat, butter, coconut oil), more fibre (oats, beans, vegetables).\n2. **Activity:** about 150 minutes of moderate exercise a week.\n3. **Weight and smoking:** losing excess weight and stopping smoking improve your overall risk.\n4. **Medication:** if your risk is high or LDL stays high, a **statin** is the best-studied option and lowers heart attack and stroke risk.",
    worse: "Only medication really works for cholesterol. Ask for the strongest statin available; diet makes very little difference.",
  },
  {
    id: "pw-003",
    specialty: "Pediatrics",
    q: "My 7-year-old has head lice. What should I do?",
    better:
      "Head lice are common and not a sign of poor hygiene.\n\n- **Wet combing:** comb conditioner-coated hair with a fine-toothed lice comb every 3 to 4 days for two weeks, **or**\n- use an over-the-counter treatment exactly as the label says, usually applied twice, 7 to 10 days apart.\n- Check everyone in the household, but treat only those with live lice.\n- Wash pillowcases and hats in hot water; there is no need to treat furniture or carpets.\n\nMost schools do not require children to stay home.",
    worse: "Shave your child's head and spray the furniture and car with an insecticide. Keep your child home until every nit is gone.",
  },
  {
    id: "pw-004",
    specialty: "Family medicine",
    q: "How can I tell a cold from the flu?",
    better:
      "| | Cold | Flu |\n|---|---|---|\n| Onset | gradual | sudden |\n| Fever | rare or mild | common, often high |\n| Aches | mild | often severe |\n| Tiredness | mild | can be extreme |\n| Main symptoms | runny nose, sore throat | fever, aches, cough |\n\nSeek care early if you are pregnant, over 65, have a long-term condition, or have trouble breathing.",
    worse:
      "A cold usually comes on gradually with a runny nose and sore throat, while flu starts suddenly with fever, body aches and exhaustion. People at higher risk (pregnancy, older age, chronic illness) should contact a clinician early, since antivirals work best when started quickly.",
  },
  {
    id: "pw-005",
    specialty: "Sleep medicine",
    q: "Is it okay to take melatonin every night for sleep?",
    better:
      "Short-term use of low-dose melatonin (often 0.5 to 3 mg, taken 1 to 2 hours before bed) is generally considered safe for adults and helps most with **jet lag or a shifted body clock**; its effect on ordinary insomnia is modest. Long-term nightly use is less well studied. For ongoing insomnia, **cognitive behavioural therapy for insomnia (CBT-I)** works better than any supplement. Ask a pharmacist about interactions if you take other medicines.",
    worse: "Melatonin is a natural hormone, so you can take as much as you like every night without any risk.",
  },
  {
    id: "pw-006",
    specialty: "Emergency medicine",
    q: "My neighbour's dog bit me and broke the skin. What should I do?",
    better:
      "1. **Wash the wound** under running water with soap for several minutes.\n2. Control bleeding with gentle pressure and cover it with a clean dressing.\n3. **See a clinician today**: dog bites often need antibiotics, especially on the hand or face or if the wound is deep, and your tetanus status should be checked.\n4. Find out whether the dog is vaccinated against rabies; the clinician will assess rabies risk, which depends on where you live.\n\nGo to emergency care for heavy bleeding, a deep wound, or signs of infection (spreading redness, pus, fever).",
    worse: "Rinse it and put a plaster on. You only need to see someone if it becomes infected.",
  },
];

const PAIR_MODELS = ["aurora-med-7b", "borealis-clinical-70b"] as const;

/** 6 qa items, each with exactly two responses (the stronger one alternates between A and B). */
export function pairwiseShowcaseItems(): QaItem[] {
  return PAIRS.map((p, i) => {
    const strong = { modelName: PAIR_MODELS[i % 2], content: p.better };
    const weak = { modelName: PAIR_MODELS[(i + 1) % 2], content: p.worse };
    return { externalId: p.id, kind: "qa", question: p.q, specialty: p.specialty, metadata: SOURCE, responses: i % 3 === 1 ? [weak, strong] : [strong, weak] };
  });
}
