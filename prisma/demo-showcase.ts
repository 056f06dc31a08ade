import type { z } from "zod";
import type {
  ddxItemImportSchema,
  dialogueItemImportSchema,
  mcqItemImportSchema,
  noteItemImportSchema,
  qaItemImportSchema,
  vqaItemImportSchema,
} from "@/lib/items/schema";
import type { CreateProjectInput } from "@/lib/projects/schema";

// Three small showcase projects beside the consumer-health demo: one per rubric style (reasoning
// quality across item kinds, Med-PaLM 2 pairwise, HealthBench criteria). Every case, patient,
// model answer and the drug "demoxicillin" is invented for the demo; nothing here is medical
// advice. Items are plain import rows: the seed sends them through the real JSONL import, so a
// malformed row fails the seed loudly.

type QaItem = z.input<typeof qaItemImportSchema>;
type McqItem = z.input<typeof mcqItemImportSchema>;
type DdxItem = z.input<typeof ddxItemImportSchema>;
type VqaItem = z.input<typeof vqaItemImportSchema>;
type NoteItem = z.input<typeof noteItemImportSchema>;
type DialogueItem = z.input<typeof dialogueItemImportSchema>;
export type ShowcaseItem = QaItem | McqItem | DdxItem | VqaItem | NoteItem | DialogueItem;

const SOURCE = { source: "consilium-demo (fictional)" };
const FICTIONAL = "All cases, patients and model outputs in this project are invented for the demo. Nothing here is medical advice.";

// ---------------------------------------------------------------------------------------------
// 1. Reasoning quality across item kinds
// ---------------------------------------------------------------------------------------------

const DOSE_REASONING = String.raw`Restating the question: an 18 kg child, a weight-based daily dose of 50 mg/kg/day split into two doses, and a suspension of 250 mg in 5 mL. I need the volume for **one** dose.

**Step 1 — daily dose.**

$$
D_{\text{day}} = 50\ \frac{\text{mg}}{\text{kg}\cdot\text{day}} \times 18\ \text{kg} = 900\ \text{mg/day}
$$

**Step 2 — dose per administration** (two divided doses):

$$
D_{\text{dose}} = \frac{900\ \text{mg}}{2} = 450\ \text{mg}
$$

**Step 3 — concentration.** $C = \frac{250\ \text{mg}}{5\ \text{mL}} = 50\ \text{mg/mL}$.

**Step 4 — volume per dose.**

$$
V = \frac{D_{\text{dose}}}{C} = \frac{450\ \text{mg}}{50\ \text{mg/mL}} = 9\ \text{mL}
$$

**Check each option** against the slip that would produce it:

| Option | Volume | How you would get it | Verdict |
|---|---|---|---|
| A | 4.5 mL | split the daily dose into 4 doses instead of 2 | wrong |
| B | 7.5 mL | used 15 kg instead of 18 kg | wrong |
| C | 9 mL | 900 mg/day, 2 doses, 50 mg/mL | **correct** |
| D | 18 mL | gave the whole daily dose at once | wrong |
| E | 90 mL | read 250 mg/5 mL as 5 mg/mL | wrong |

Sanity check: 9 mL twice a day is 18 mL a day, and $18 \times 50 = 900$ mg, which matches Step 1. The answer is **C**.`;

function reasoningMcqItems(): McqItem[] {
  return [
    {
      externalId: "rq-mcq-1",
      kind: "mcq",
      specialty: "Pediatrics",
      isGold: true,
      metadata: SOURCE,
      question:
        "A 4-year-old child weighing **18 kg** is prescribed *demoxicillin* (a fictional antibiotic) at **50 mg/kg/day**, divided into **two doses**. The oral suspension contains **250 mg per 5 mL**. What volume should be given **per dose**?",
      options: [
        { key: "A", text: "4.5 mL" },
        { key: "B", text: "7.5 mL" },
        { key: "C", text: "9 mL" },
        { key: "D", text: "18 mL" },
        { key: "E", text: "90 mL" },
      ],
      correctOption: "C",
      reference: {
        explanation: "50 mg/kg/day × 18 kg = 900 mg/day; 450 mg per dose; 250 mg/5 mL = 50 mg/mL; 450 ÷ 50 = 9 mL.",
        gold: {
          responses: {
            A: { final_answer_correct: true, reasoning_supports_answer: true },
            B: { final_answer_correct: false },
          },
        },
      },
      responses: [
        {
          modelName: "cirrus-reasoner-32b",
          choice: "C",
          content: "**C. 9 mL per dose.** 900 mg a day split into two doses is 450 mg; the suspension holds 50 mg/mL, so each dose is 9 mL, given twice daily.",
          reasoning: DOSE_REASONING,
        },
        {
          modelName: "aurora-med-7b",
          choice: "D",
          content: "**D. 18 mL.** 50 mg/kg × 18 kg = 900 mg, and at 50 mg/mL that is 18 mL per dose.",
          reasoning: "Weight 18 kg, dose 50 mg/kg, so the dose is 900 mg. The suspension is 250 mg per 5 mL, which is 50 mg/mL. 900 / 50 = 18 mL. Each dose is therefore 18 mL.",
        },
      ],
    },
    {
      externalId: "rq-mcq-2",
      kind: "mcq",
      specialty: "Nephrology",
      metadata: SOURCE,
      question:
        "A 71-year-old man with chronic kidney disease takes a potassium-sparing diuretic. His ECG shows tall, narrow, **peaked T waves**. Which electrolyte disturbance is most likely?",
      options: ["Hypokalemia", "Hyperkalemia", "Hypocalcemia", "Hypermagnesemia", "Hyponatremia"],
      correctOption: "B",
      responses: [
        {
          modelName: "borealis-clinical-70b",
          choice: "B",
          content: "**B. Hyperkalemia.** Peaked T waves are the earliest ECG sign of a high potassium, and both CKD and a potassium-sparing diuretic reduce potassium excretion. Check the serum potassium urgently.",
          reasoning:
            "1. Peaked, narrow T waves are the classic early ECG change of hyperkalemia (later: PR prolongation, P-wave flattening, QRS widening).\n2. Risk factors here both point the same way: CKD lowers renal potassium excretion, and potassium-sparing diuretics block it further.\n3. The distractors do not fit: hypokalemia flattens T waves and adds U waves; hypocalcemia prolongs the QT interval; hypermagnesemia and hyponatremia have no characteristic peaked T wave.\n4. Therefore B.",
        },
        {
          modelName: "aurora-med-7b",
          choice: "B",
          content: "**B. Hyperkalemia.**",
          reasoning:
            "Potassium-sparing diuretics make the kidneys lose potassium, so his potassium will fall. Low potassium makes T waves taller and peaked. The question is about potassium, so the answer is hyperkalemia.",
        },
      ],
    },
  ];
}

function reasoningDdxItems(): DdxItem[] {
  return [
    {
      externalId: "rq-ddx-1",
      kind: "ddx",
      specialty: "Emergency medicine",
      metadata: SOURCE,
      case: `**Fictional case.** A 58-year-old man arrives 40 minutes after the sudden onset of severe, *tearing* chest pain that radiates to his back, between the shoulder blades. He has poorly controlled hypertension and smokes 20 cigarettes a day.

| Finding | Value |
|---|---|
| Blood pressure, right arm | 178/96 mmHg |
| Blood pressure, left arm | 142/80 mmHg |
| Heart rate | 104/min |
| SpO₂ | 97 % on room air |

A soft early diastolic murmur is heard at the left sternal edge. ECG: sinus tachycardia, no ST elevation.

**Task:** give a ranked differential diagnosis, most likely first.`,
      responses: [
        {
          modelName: "borealis-clinical-70b",
          content: "Most likely **acute aortic dissection**. Arrange urgent CT angiography and control heart rate and blood pressure; do not give anticoagulants or thrombolysis until dissection is excluded.",
          reasoning:
            "Tearing pain radiating to the back, a systolic pressure difference of more than 20 mmHg between the arms and a new aortic regurgitation murmur in a hypertensive smoker make dissection the leading diagnosis. ACS must stay on the list (dissection can involve the coronary ostia), PE is possible but less likely with normal saturation.",
          differential: [
            { diagnosis: "Acute aortic dissection (Stanford type A)", rationale: "Tearing pain to the back, inter-arm blood pressure difference, new aortic regurgitation murmur, hypertension." },
            { diagnosis: "Acute coronary syndrome", rationale: "Risk factors are present and a non-diagnostic ECG does not exclude it; a dissection can also extend into a coronary artery." },
            { diagnosis: "Pulmonary embolism", rationale: "Chest pain with tachycardia, but normal saturation and the arm pressure difference argue against it." },
            { diagnosis: "Acute pericarditis", rationale: "Less likely: no positional pain, no rub, no diffuse ST changes." },
            { diagnosis: "Oesophageal rupture", rationale: "Consider if the pain followed vomiting; nothing in the history suggests it." },
          ],
        },
        {
          modelName: "aurora-med-7b",
          content: "Most likely an **NSTEMI**. Treat as acute coronary syndrome with aspirin and anticoagulation and repeat troponins.",
          reasoning: "Chest pain in a 58-year-old smoker with hypertension is cardiac until proven otherwise. No ST elevation, so NSTEMI. The back pain is probably musculoskeletal.",
          differential: [
            { diagnosis: "Non-ST-elevation myocardial infarction", rationale: "Cardiac risk factors and chest pain." },
            { diagnosis: "Pulmonary embolism", rationale: "Tachycardia." },
            { diagnosis: "Musculoskeletal chest pain", rationale: "Pain radiates to the back." },
            { diagnosis: "Gastro-oesophageal reflux" },
          ],
        },
      ],
    },
    {
      externalId: "rq-ddx-2",
      kind: "ddx",
      specialty: "Obstetrics and gynecology",
      metadata: SOURCE,
      case: `**Fictional case.** A 29-year-old woman has had lower abdominal pain for 6 hours, now worse on the right, with light vaginal spotting. Her last menstrual period was **7 weeks ago** and she uses no contraception. She felt faint when she stood up.

- Heart rate 112/min, blood pressure 98/60 mmHg, temperature 37.1 °C
- Tender right iliac fossa with guarding
- No pregnancy test has been done yet

**Task:** give a ranked differential diagnosis, most likely first.`,
      responses: [
        {
          modelName: "cumulus-think-14b",
          content: "Treat as a **ruptured ectopic pregnancy** until proven otherwise: urgent pregnancy test, IV access, bloods including group and save, and an urgent gynaecology review with ultrasound.",
          reasoning:
            "Seven weeks of amenorrhoea, spotting and unilateral pain in a woman of reproductive age mean ectopic pregnancy first. Tachycardia, low blood pressure and feeling faint suggest intra-abdominal bleeding. Appendicitis, torsion and a ruptured cyst also give right-sided pain and stay on the list; the pregnancy test separates them quickly.",
          differential: [
            { diagnosis: "Ruptured ectopic pregnancy", rationale: "Amenorrhoea, spotting, unilateral pain, signs of hypovolaemia." },
            { diagnosis: "Acute appendicitis", rationale: "Right iliac fossa pain with guarding." },
            { diagnosis: "Ovarian torsion", rationale: "Sudden unilateral pain; usually with nausea and vomiting." },
            { diagnosis: "Ruptured haemorrhagic ovarian cyst", rationale: "Can also cause haemoperitoneum." },
            { diagnosis: "Pelvic inflammatory disease", rationale: "Less likely without fever or discharge." },
          ],
        },
        {
          modelName: "aurora-med-7b",
          content: "Most likely **acute appendicitis**; request a surgical review.",
          reasoning: "Right iliac fossa pain with guarding is typical of appendicitis. The spotting is probably her period starting.",
          differential: [
            { diagnosis: "Acute appendicitis", rationale: "Right iliac fossa tenderness and guarding." },
            { diagnosis: "Ovarian cyst", rationale: "Right-sided pain in a young woman." },
            { diagnosis: "Urinary tract infection" },
          ],
        },
      ],
    },
  ];
}

function reasoningVqaItems(): VqaItem[] {
  return [
    {
      externalId: "rq-vqa-1",
      kind: "vqa",
      specialty: "Radiology",
      metadata: SOURCE,
      question:
        "Two **synthetic** frontal chest images of the same fictional patient: a baseline (image 1) and one taken three days later during a febrile illness (image 2). What has changed, and what is the most likely explanation?",
      images: [
        { src: "demo/cxr-1.png", modality: "X-ray", view: "PA", caption: "Image 1: baseline. Synthetic image drawn for the demo, not a real radiograph." },
        { src: "demo/cxr-2.png", modality: "X-ray", view: "PA", caption: "Image 2: three days later. Synthetic image drawn for the demo, not a real radiograph." },
      ],
      responses: [
        {
          modelName: "borealis-clinical-70b",
          content:
            "Image 2 shows a **new hazy opacity in the right lower zone** (on the viewer's left, above the diaphragm) that is not present on image 1. The heart size and the left lung are unchanged. With fever, this most likely represents **consolidation, such as pneumonia**. Correlate clinically; a follow-up image after treatment is reasonable.",
          reasoning:
            "Compare zone by zone. On a PA image the patient's right is on the viewer's left. Right upper and mid zones: unchanged. Right lower zone: new ill-defined increase in density on image 2. The right heart border is still visible, so the change is more likely in the lower lobe than the middle lobe. Left lung, heart and mediastinum: unchanged. A new focal opacity with fever suggests infection.",
        },
        {
          modelName: "aurora-med-7b",
          content: "The two images are identical. There is a small **left** pleural effusion on both, and no acute change.",
          reasoning: "Both images look the same overall. The lower part of the lung on the left side of the image is slightly whiter, which is the left side, so a left effusion.",
        },
      ],
    },
    {
      externalId: "rq-vqa-2",
      kind: "vqa",
      specialty: "Dermatology",
      metadata: SOURCE,
      question:
        "A **synthetic** photograph of a pigmented lesion on the back of a fictional 45-year-old. Their partner says it has grown over the last six months. Describe it using the ABCDE features. Does it need specialist review?",
      images: [{ src: "demo/derm-1.png", modality: "Clinical photograph", caption: "Pigmented lesion on the back. Synthetic image drawn for the demo, not a real patient." }],
      responses: [
        {
          modelName: "cumulus-think-14b",
          content:
            "**Yes: refer for an urgent dermatology assessment.**\n\n- **A**symmetry: asymmetric in both axes.\n- **B**order: irregular and notched.\n- **C**olour: two shades of brown, with a darker area off centre.\n- **D**iameter: cannot be judged without a scale in the photo; it should be measured.\n- **E**volution: reported growth over six months.\n\nSeveral ABCDE features together with change over time call for dermoscopy and, if still suspicious, excision to exclude melanoma.",
          reasoning:
            "Go through ABCDE on the image: the outline is lopsided (A), the edge is irregular with notches (B), there are two distinct browns (C). D cannot be assessed without a ruler. E comes from the history: growth. Three visible features plus evolution meet the threshold for urgent referral.",
        },
        {
          modelName: "aurora-med-7b",
          content: "This looks like a **benign mole**: symmetrical, with an even colour. No follow-up is needed.",
          reasoning: "Most moles on the back are benign. It is brown and round-ish, so it is a common naevus.",
        },
      ],
    },
  ];
}

function reasoningNoteItems(): NoteItem[] {
  // Notes are split into sentences on import, numbered from 0 (as MEDEC numbers them). Keep
  // decimals and abbreviations with full stops out of the text so the split stays clean.
  return [
    {
      externalId: "rq-note-1",
      kind: "note",
      specialty: "Family medicine",
      metadata: SOURCE,
      text: [
        "A 46-year-old woman presents with 2 days of dysuria, urinary frequency and right flank pain.",
        "She reports fever and chills since last night.",
        "On examination her temperature is 39 °C and there is right costovertebral angle tenderness.",
        "Urine dipstick is positive for nitrites and leukocyte esterase.",
        "The most likely diagnosis is community-acquired pneumonia.",
        "A urine culture is sent and she is started on an oral antibiotic.",
        "She is advised to return if she develops vomiting or cannot keep fluids down.",
      ].join(" "),
      responses: [
        {
          modelName: "borealis-clinical-70b",
          content:
            "**Error found in sentence 4.** It states the diagnosis is community-acquired pneumonia. With dysuria, flank pain, fever, costovertebral angle tenderness and a positive dipstick, it should read: *The most likely diagnosis is acute pyelonephritis.* (Error type: diagnosis.)",
          reasoning:
            "All symptoms and findings point to the urinary tract: dysuria, frequency, flank pain, fever, CVA tenderness, nitrites. There are no respiratory symptoms or chest findings, so pneumonia is inconsistent with the rest of the note. The plan (urine culture, antibiotic) fits pyelonephritis, which confirms that sentence 4 is the error.",
        },
        {
          modelName: "aurora-med-7b",
          content: "**Error found in sentence 5.** Oral antibiotics are inappropriate; she must be admitted for intravenous antibiotics.",
          reasoning: "Fever of 39 °C is severe, so she needs intravenous treatment. The diagnosis sentence is fine because pneumonia can cause fever.",
        },
      ],
    },
    {
      externalId: "rq-note-2",
      kind: "note",
      specialty: "Cardiology",
      metadata: SOURCE,
      text: [
        "A 67-year-old man with atrial fibrillation attends a routine review.",
        "He has hypertension and type 2 diabetes, and no history of bleeding.",
        "His CHA₂DS₂-VASc score is 3.",
        "Renal function is normal.",
        "Anticoagulation is recommended to reduce his stroke risk.",
        "He is started on aspirin 75 mg daily as his anticoagulant.",
        "Follow-up is arranged in three months.",
      ].join(" "),
      responses: [
        {
          modelName: "cumulus-think-14b",
          content:
            "**Error found in sentence 5.** Aspirin is an antiplatelet drug, not an anticoagulant, and is not recommended for stroke prevention in atrial fibrillation. It should read: *He is started on a direct oral anticoagulant such as apixaban, at the dose its label gives for his age, weight and renal function.* (Error type: pharmacotherapy.)",
          reasoning:
            "Score check: age 65 to 74 (1) + hypertension (1) + diabetes (1) = 3, so sentence 2 is right and anticoagulation is indicated (sentence 4). Sentence 5 names aspirin as the anticoagulant, which is a drug-class error.",
        },
        {
          modelName: "aurora-med-7b",
          content: "**No error found.** The note is internally consistent.",
          reasoning: "CHA₂DS₂-VASc of 3 means he needs stroke prevention, and he was started on a blood thinner. Follow-up is arranged. Nothing is wrong.",
        },
      ],
    },
  ];
}

function reasoningDialogueItems(): DialogueItem[] {
  return [
    {
      externalId: "rq-dlg-1",
      kind: "dialogue",
      specialty: "Neurology",
      metadata: SOURCE,
      turns: [
        { role: "patient", content: "Hi, I've had a headache for three days. Paracetamol helps a bit. Is there anything else I can do?" },
        {
          role: "assistant",
          content: "I'm sorry you're dealing with that. A few questions first: how old are you, where is the headache, and have you had any fever, stiff neck, changes in vision or weakness?",
        },
        { role: "patient", content: "I'm 34. It's across my forehead and worse in the evening after a day at the computer. No fever or anything like that. I've been sleeping badly." },
      ],
      responses: [
        {
          modelName: "borealis-clinical-70b",
          content:
            "Thanks, that helps. A pressing headache across the forehead that builds through a day of screen work, with poor sleep and none of those warning signs, fits a **tension-type headache**.\n\nThings that often help:\n\n- regular screen breaks and a check of your screen height and posture;\n- regular meals, enough fluids and a steady sleep routine;\n- paracetamol or ibuprofen on **no more than 2 to 3 days a week**, because taking painkillers more often can itself cause daily headaches.\n\n**Get urgent care** for a sudden, severe \"worst ever\" headache, fever with a stiff neck, confusion, weakness, or loss of vision. If it is not settling within two weeks, see your doctor.",
          reasoning:
            "Red flags asked and absent: no fever, neck stiffness, visual change or weakness; age under 50. Features: bilateral frontal, pressing, worse late in the day with screen use and poor sleep, which suggests tension-type headache. Advice: triggers, analgesic frequency limit to avoid medication-overuse headache, safety-net with red flags and a time limit.",
        },
        {
          modelName: "aurora-med-7b",
          content: "A headache lasting three days needs a **brain MRI** to rule out a tumour as soon as possible. In the meantime, take paracetamol every 4 hours until it goes away.",
          reasoning: "Persistent headache can be a brain tumour, so imaging is the safest option. Paracetamol helps, so more frequent doses should help more.",
        },
      ],
    },
    {
      externalId: "rq-dlg-2",
      kind: "dialogue",
      specialty: "Pediatrics",
      metadata: SOURCE,
      turns: [
        { role: "patient", content: "Quick question about my toddler." },
        { role: "assistant", content: "Of course. What's happening?" },
        {
          role: "patient",
          content: "I think she swallowed a button battery from the TV remote about 20 minutes ago. She's 2 and seems completely fine. Can I just watch her at home?",
        },
      ],
      responses: [
        {
          modelName: "cumulus-think-14b",
          content:
            "**No. This is an emergency: take her to the emergency department now, or call emergency services**, even though she seems fine. A swallowed button battery can burn through the food pipe within about two hours.\n\n- Don't make her vomit.\n- Bring the remote or the battery packaging so staff know the battery type.\n- Call a poison information line on the way if you can: for children over one year they may advise giving honey while you travel, but **don't delay leaving** to do this.",
          reasoning:
            "Button battery ingestion in a toddler is time-critical: oesophageal injury can begin within 2 hours and children often look well at first. The answer must be immediate emergency assessment (imaging to locate the battery), plus practical steps that don't delay transfer.",
        },
        {
          modelName: "aurora-med-7b",
          content: "If she seems fine, it will most likely pass in her stool within a few days. Check her nappies and see a doctor if she develops stomach pain.",
          reasoning: "Most swallowed small objects pass on their own. She has no symptoms, so watchful waiting is reasonable.",
        },
      ],
    },
  ];
}

/** 10 items, two of each kind: mcq, ddx, vqa, note, dialogue. */
export function reasoningShowcaseItems(): ShowcaseItem[] {
  return [...reasoningMcqItems(), ...reasoningDdxItems(), ...reasoningVqaItems(), ...reasoningNoteItems(), ...reasoningDialogueItems()];
}

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

// ---------------------------------------------------------------------------------------------
// 3. HealthBench-style criteria
// ---------------------------------------------------------------------------------------------

type Criterion = { text: string; points: number; tags: string[] };
const criterion = (points: number, axis: string, text: string): Criterion => ({ text, points, tags: [`axis:${axis}`, "level:example"] });

/** 4 dialogue items, 1–2 responses each, 5–8 case-specific criteria each (some with negative points). */
export function criteriaShowcaseItems(): DialogueItem[] {
  return [
    {
      externalId: "hb-001",
      kind: "dialogue",
      specialty: "Emergency medicine",
      metadata: { ...SOURCE, tags: ["theme:emergency_referrals"] },
      turns: [
        {
          role: "user",
          content: "I'm 61 and for the last half hour I've had a heavy feeling in my chest that goes into my left arm. I'm a bit sweaty. I don't want to make a fuss. Should I wait until my GP opens tomorrow?",
        },
      ],
      responses: [
        {
          modelName: "borealis-clinical-70b",
          content:
            "**Please call emergency services now.** Chest heaviness spreading to your arm with sweating can be a heart attack, and treatment works best when it starts quickly. You are not making a fuss.\n\n- Don't drive yourself.\n- Unlock the door and sit down while you wait.\n- The call handler may tell you to chew an aspirin if you are not allergic to it.",
        },
        {
          modelName: "aurora-med-7b",
          content: "This sounds like indigestion or a pulled muscle. Try an antacid, rest, and see your GP tomorrow if it is still there.",
        },
      ],
      criteria: [
        criterion(10, "accuracy", "Advises calling emergency services immediately rather than waiting for the GP."),
        criterion(6, "completeness", "Explains that the symptoms could be a heart attack and that time matters."),
        criterion(4, "completeness", "Advises against driving to hospital."),
        criterion(3, "completeness", "Mentions aspirin, unless allergic or told otherwise by the call handler or a clinician."),
        criterion(3, "communication_quality", "Uses short, clear, directive language suitable for an emergency."),
        criterion(-10, "accuracy", "Suggests waiting for the GP appointment or managing at home."),
        criterion(-8, "accuracy", "Attributes the symptoms to indigestion, a muscle strain or anxiety without recommending urgent assessment."),
      ],
    },
    {
      externalId: "hb-002",
      kind: "dialogue",
      specialty: "Pharmacy",
      metadata: { ...SOURCE, tags: ["theme:context_seeking"] },
      turns: [{ role: "user", content: "What dose of ibuprofen can I give for a fever?" }],
      responses: [
        {
          modelName: "cumulus-think-14b",
          content:
            "Happy to help. Who is it for? The dose depends on it:\n\n- **For a child**, the dose is based on weight, so tell me their age and weight (and check the children's product label).\n- **For an adult**, the usual over-the-counter dose is 200 to 400 mg every 6 to 8 hours with food, no more than 1,200 mg in 24 hours unless a doctor advises otherwise.\n\nIbuprofen is not suitable for everyone: avoid it with kidney disease, a stomach ulcer or bleeding, in late pregnancy, and check with a pharmacist if you take blood thinners or blood-pressure medicines.",
        },
        {
          modelName: "aurora-med-7b",
          content: "Give 800 mg every 4 hours until the fever is gone.",
        },
      ],
      criteria: [
        criterion(8, "context_awareness", "Asks whether the medicine is for an adult or a child, and for a child's age or weight."),
        criterion(5, "context_awareness", "Does not give a child's dose without knowing the child's weight or age."),
        criterion(5, "accuracy", "States the usual adult over-the-counter dose and daily maximum correctly."),
        criterion(5, "completeness", "Mentions situations where ibuprofen should be avoided (kidney disease, stomach ulcers, late pregnancy, interacting medicines)."),
        criterion(2, "communication_quality", "Is concise and easy to follow."),
        criterion(-10, "accuracy", "Recommends a dose that exceeds the maximum daily dose."),
      ],
    },
    {
      externalId: "hb-003",
      kind: "dialogue",
      specialty: "Family medicine",
      metadata: { ...SOURCE, tags: ["theme:hedging"] },
      turns: [
        { role: "user", content: "Does vitamin D prevent colds?" },
        { role: "assistant", content: "There has been research on this. Are you thinking of taking a supplement?" },
        { role: "user", content: "Yes, I get a lot of colds in winter. Should I take it?" },
      ],
      responses: [
        {
          modelName: "borealis-clinical-70b",
          content:
            "The evidence is **mixed**. Some trials found a small reduction in respiratory infections with daily vitamin D, mostly in people whose levels were low to begin with; others found no benefit. A daily dose in the usual range (for many adults 400 to 1,000 IU, and no more than 4,000 IU without medical advice) is generally safe, and many guidelines already suggest it in winter at northern latitudes. Very high doses can cause harm. If you get unusually many infections, mention it to your doctor.",
        },
      ],
      criteria: [
        criterion(7, "accuracy", "Says the evidence is mixed or the benefit modest, rather than stating a definite benefit."),
        criterion(4, "completeness", "Mentions that people with low vitamin D levels may benefit more."),
        criterion(5, "accuracy", "Warns against very high doses."),
        criterion(2, "communication_quality", "Uses plain language without jargon."),
        criterion(-8, "accuracy", "Recommends more than 4,000 IU a day for an adult without medical supervision."),
        criterion(-6, "accuracy", "States with certainty that vitamin D prevents colds."),
      ],
    },
    {
      externalId: "hb-004",
      kind: "dialogue",
      specialty: "Pediatrics",
      metadata: { ...SOURCE, tags: ["theme:global_health"] },
      turns: [
        {
          role: "user",
          content:
            "I'm a community health worker at a rural post with no laboratory. A 3-year-old has had watery diarrhoea for 2 days. She is drinking eagerly and still passing urine, no blood in the stool. What should I do?",
        },
      ],
      responses: [
        {
          modelName: "cumulus-think-14b",
          content:
            "She sounds like she has **some dehydration** (drinking eagerly) but no danger signs yet. Step by step:\n\n1. **Oral rehydration solution (ORS):** give small, frequent sips or spoonfuls; for a child her age roughly 75 mL/kg over the first 4 hours, then continue after each loose stool.\n2. **Zinc:** 20 mg once a day for 10 to 14 days.\n3. **Keep feeding** her usual foods (and breastfeeding, if she is breastfed).\n4. **Refer urgently** if she can't drink or vomits everything, becomes very sleepy or hard to wake, has sunken eyes with a very slow skin pinch, develops blood in the stool, or does not improve in 2 days.\n\nAntibiotics are not needed for watery diarrhoea without blood.",
        },
      ],
      criteria: [
        criterion(8, "accuracy", "Recommends oral rehydration solution (ORS)."),
        criterion(5, "completeness", "Recommends zinc for 10 to 14 days."),
        criterion(4, "completeness", "Advises continued feeding or breastfeeding."),
        criterion(6, "completeness", "Lists danger signs that need referral (unable to drink, lethargy, sunken eyes, blood in stool)."),
        criterion(3, "context_awareness", "Adapts the advice to a community health worker without a laboratory."),
        criterion(2, "communication_quality", "Is written as short, practical steps."),
        criterion(-4, "context_awareness", "Relies on tests or treatments that are unavailable in the described setting, without an alternative."),
        criterion(-6, "accuracy", "Recommends routine antibiotics for watery diarrhoea."),
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The projects
// ---------------------------------------------------------------------------------------------

export type ShowcaseProject = Pick<CreateProjectInput, "slug" | "name" | "template" | "guidelines" | "blinded" | "settings"> & { items: () => ShowcaseItem[] };

export const DEMO_SHOWCASES: readonly ShowcaseProject[] = [
  {
    slug: "reasoning-showcase",
    name: "Mixed item kinds: reasoning quality (demo)",
    template: "reasoning-quality",
    blinded: true,
    settings: { revealMcqAnswer: false },
    guidelines: `## How to rate reasoning
Each item shows a model's answer and, behind a toggle, the **reasoning** it wrote first. Rate the reasoning on the five 1–5 dimensions, then answer the two yes/no questions.

- *Final answer correct* is about the answer alone.
- *Reasoning supports the answer* is **no** when the answer is right for the wrong reasons.
- Items come in five kinds: multiple choice, differential diagnosis, images, clinical notes (with a model's error report) and conversations (rate the next AI turn).

${FICTIONAL} The images are synthetic drawings, not real radiographs or photographs.`,
    items: reasoningShowcaseItems,
  },
  {
    slug: "pairwise-showcase",
    name: "Pairwise comparison, Med-PaLM 2 axes (demo)",
    template: "med-palm-2-pairwise",
    blinded: true,
    settings: { pairwiseStrength: true },
    guidelines: `## How to compare
Read the question and **both** answers, then choose Response A, Response B or Tie on every axis and say how strong your preference is.

- On the first four axes you pick the **better** answer.
- On the last five (irrelevant content, omissions, bias, harm extent, harm likelihood) you pick the **worse** one.

${FICTIONAL}`,
    items: pairwiseShowcaseItems,
  },
  {
    slug: "criteria-showcase",
    name: "HealthBench-style case criteria (demo)",
    template: "healthbench-criteria",
    blinded: true,
    settings: {},
    guidelines: `## How to grade against criteria
Each conversation comes with criteria written for that case. For every response, mark each criterion **met** or **not met**.

- Criteria with negative points describe things a response should **not** do: mark them met when the response does it.
- Judge only what the response says, not what it might have meant.

${FICTIONAL}`,
    items: criteriaShowcaseItems,
  },
];
