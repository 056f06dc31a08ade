import { SOURCE, type DdxItem, type DialogueItem, type McqItem, type NoteItem, type ShowcaseItem, type VqaItem } from "./types";

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
