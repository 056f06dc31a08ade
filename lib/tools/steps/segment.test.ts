import { describe, expect, it } from "vitest";
import { MAX_STEPS, segmentSteps, segmentStepsWithRule, stepTexts, validateSteps, type StepRange } from "./segment";

// Fictional reasoning traces, written for these tests (no patient data).
const NUMBERED = `Let me work through this case systematically.

1. The patient is a 67-year-old man with 2 hours of crushing chest pain radiating to the left arm.
2. The ECG shows ST elevation in II, III and aVF, which localises an inferior infarction.
   Reciprocal depression in I and aVL supports this.
3) This line uses another style and stays inside item 2's neighbour.
3. Troponin I is 4.2 ng/mL (reference < 0.04), consistent with myocardial necrosis.
4. Primary PCI within 90 minutes is the reperfusion strategy of choice.

Final answer: C (primary percutaneous coronary intervention).`;

const STEP_MARKERS = `### Step 1: Identify the key findings
A 24-year-old woman has fever of 39.2 °C, neck stiffness and a petechial rash.

### Step 2: Form the differential
Meningococcal meningitis leads; viral meningitis is less likely given the rash.

### Step 3: Decide on management
Give ceftriaxone 2 g i.v. immediately; do not delay for lumbar puncture.

The answer is B.`;

const INLINE_STEPS = "Step 1: Sodium is 118 mmol/L, which is severe hyponatraemia. Step 2: She is euvolaemic and urine osmolality is 450 mOsm/kg, so SIADH is likely. Step 3: Restrict fluids and look for a cause.";

const PARAGRAPHS = `The child is 3 years old with barking cough and inspiratory stridor at rest.

This picture fits croup (laryngotracheobronchitis), most often caused by parainfluenza virus.

Stridor at rest means at least moderate croup, so a single dose of oral dexamethasone 0.15 mg/kg is indicated.

Nebulised adrenaline is added only if there is marked distress.`;

const PROSE = "Temperature is 38.6 °C and heart rate is 112/min. Lactate is 4.1 mmol/L, e.g. tissue hypoperfusion is likely. Start broad-spectrum antibiotics i.v. within one hour, vs. waiting for cultures. Give 30 mL/kg of crystalloid, i.e. about 2.1 L for this 70 kg patient. Reassess after the bolus! Dr. Osei agrees with vancomycin 15 mg/kg q.12h. per protocol.";

const texts = (text: string) => stepTexts(text, segmentSteps(text));

describe("segmentSteps", () => {
  it("splits a numbered list into its items, keeping the introduction and the answer as their own steps", () => {
    const result = segmentStepsWithRule(NUMBERED);
    expect(result.rule).toBe("numbered_list");
    expect(texts(NUMBERED)).toEqual([
      "Let me work through this case systematically.",
      "1. The patient is a 67-year-old man with 2 hours of crushing chest pain radiating to the left arm.",
      "2. The ECG shows ST elevation in II, III and aVF, which localises an inferior infarction.\n   Reciprocal depression in I and aVL supports this.\n3) This line uses another style and stays inside item 2's neighbour.",
      "3. Troponin I is 4.2 ng/mL (reference < 0.04), consistent with myocardial necrosis.",
      "4. Primary PCI within 90 minutes is the reperfusion strategy of choice.",
      "Final answer: C (primary percutaneous coronary intervention).",
    ]);
  });

  it("accepts 1), (1) and bold markers, and keeps an indented continuation paragraph inside the last item", () => {
    const text = "(1) Hb 7.9 g/dL with MCV 68 fL.\n(2) Ferritin 6 µg/L confirms iron deficiency.\n\n    Look for a source of blood loss.\n\nAnswer: oral iron.";
    expect(texts(text)).toEqual(["(1) Hb 7.9 g/dL with MCV 68 fL.", "(2) Ferritin 6 µg/L confirms iron deficiency.\n\n    Look for a source of blood loss.", "Answer: oral iron."]);
    expect(texts("**1.** Fever.\n**2.** Rash.")).toEqual(["**1.** Fever.", "**2.** Rash."]);
  });

  it("splits at Step N markers, on their own lines or inside one paragraph", () => {
    expect(segmentStepsWithRule(STEP_MARKERS).rule).toBe("step_markers");
    expect(texts(STEP_MARKERS)).toEqual([
      "### Step 1: Identify the key findings\nA 24-year-old woman has fever of 39.2 °C, neck stiffness and a petechial rash.",
      "### Step 2: Form the differential\nMeningococcal meningitis leads; viral meningitis is less likely given the rash.",
      "### Step 3: Decide on management\nGive ceftriaxone 2 g i.v. immediately; do not delay for lumbar puncture.",
      "The answer is B.",
    ]);
    expect(texts(INLINE_STEPS)).toEqual([
      "Step 1: Sodium is 118 mmol/L, which is severe hyponatraemia.",
      "Step 2: She is euvolaemic and urine osmolality is 450 mOsm/kg, so SIADH is likely.",
      "Step 3: Restrict fluids and look for a cause.",
    ]);
  });

  it("does not take a list nested inside Step sections, nor a mention of a step in passing, as the structure", () => {
    const text = "Step 1: Findings:\n1. fever\n2. cough\nStep 2: As noted in step 1 above, this is pneumonia.";
    expect(segmentStepsWithRule(text).rule).toBe("step_markers");
    expect(texts(text)).toEqual(["Step 1: Findings:\n1. fever\n2. cough", "Step 2: As noted in step 1 above, this is pneumonia."]);
  });

  it("falls back to paragraphs", () => {
    expect(segmentStepsWithRule(PARAGRAPHS).rule).toBe("paragraphs");
    expect(texts(PARAGRAPHS)).toHaveLength(4);
    expect(texts(PARAGRAPHS)[2]).toBe("Stridor at rest means at least moderate croup, so a single dose of oral dexamethasone 0.15 mg/kg is indicated.");
  });

  it("falls back to sentences, keeping decimals, doses and abbreviations inside them", () => {
    expect(segmentStepsWithRule(PROSE).rule).toBe("sentences");
    expect(texts(PROSE)).toEqual([
      "Temperature is 38.6 °C and heart rate is 112/min.",
      "Lactate is 4.1 mmol/L, e.g. tissue hypoperfusion is likely.",
      "Start broad-spectrum antibiotics i.v. within one hour, vs. waiting for cultures.",
      "Give 30 mL/kg of crystalloid, i.e. about 2.1 L for this 70 kg patient.",
      "Reassess after the bolus!",
      "Dr. Osei agrees with vancomycin 15 mg/kg q.12h. per protocol.",
    ]);
  });

  it("ends a sentence after a unit or a single capital, and keeps No. before a number", () => {
    expect(texts("Temp 38.6°C. Then it fell. Give vitamin K. Recheck INR. See table No. 3 below.")).toEqual([
      "Temp 38.6°C.",
      "Then it fell.",
      "Give vitamin K.",
      "Recheck INR.",
      "See table No. 3 below.",
    ]);
    expect(texts("Is it sepsis? \"Probably,\" she said. The answer is no. The lactate is normal.")).toEqual([
      "Is it sepsis?",
      "\"Probably,\" she said.",
      "The answer is no.",
      "The lactate is normal.",
    ]);
  });

  it("gives one step for text with fewer than two steps under every rule, and none for blank text", () => {
    expect(segmentStepsWithRule("  Pneumonia is the most likely diagnosis.\n").steps).toEqual([{ start: 2, end: 41 }]);
    expect(segmentStepsWithRule("  Pneumonia is the most likely diagnosis.\n").rule).toBe("whole_text");
    expect(segmentSteps(" \n\t ")).toEqual([]);
    expect(segmentSteps("")).toEqual([]);
  });
});

function expectWellFormed(text: string, steps: StepRange[]) {
  const length = [...text].length;
  steps.forEach((s, i) => {
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(length);
    if (i > 0) expect(s.start).toBeGreaterThanOrEqual(steps[i - 1].end);
  });
}

describe("segmentSteps on a 20,000-character trace", () => {
  const paragraph = (n: number) =>
    `Paragraph ${n}. Re-examining the differential: the creatinine of 1.8 mg/dL (baseline 0.9) and potassium of 5.9 mmol/L suggest acute kidney injury, e.g. prerenal from vomiting; ` +
    `furosemide 40 mg i.v. would be wrong before volume status is clear, so reassess the jugular venous pressure first.`;
  const long = Array.from({ length: 70 }, (_, n) => paragraph(n + 1)).join("\n\n");

  it("merges the 70 paragraphs evenly into 60 steps of one or two paragraphs, covering all the text", () => {
    expect(long.length).toBeGreaterThan(20_000);
    const result = segmentStepsWithRule(long);
    expect(result.rule).toBe("paragraphs");
    expect(result.mergedFrom).toBe(70);
    expect(result.steps).toHaveLength(MAX_STEPS);
    expectWellFormed(long, result.steps);
    const parts = stepTexts(long, result.steps).map((t) => t.split("\n\n").length);
    expect(parts.filter((n) => n === 2)).toHaveLength(10);
    expect(parts.filter((n) => n === 1)).toHaveLength(50);
    expect(result.steps[0].start).toBe(0);
    expect(result.steps[59].end).toBe(long.length);
    expect(stepTexts(long, result.steps).join("\n\n")).toBe(long);
  });

  it("merges sentences when one long paragraph has more than 60", () => {
    const prose = Array.from({ length: 130 }, (_, n) => `Finding ${n + 1} is a sodium of 13${n % 10} mmol/L.`).join(" ");
    const result = segmentStepsWithRule(prose);
    expect(result).toMatchObject({ rule: "sentences", mergedFrom: 130 });
    expect(result.steps).toHaveLength(60);
    expectWellFormed(prose, result.steps);
  });
});

describe("offsets are Unicode code points", () => {
  const cp = (text: string, s: StepRange) => [...text].slice(s.start, s.end).join("");

  it("counts an emoji as one character", () => {
    const text = "1. Fever 🤒 39 °C.\n2. Rash 🔴 on the trunk.";
    const steps = segmentSteps(text);
    expect(steps).toEqual([
      { start: 0, end: 17 },
      { start: 18, end: 41 },
    ]);
    expect(steps.map((s) => cp(text, s))).toEqual(["1. Fever 🤒 39 °C.", "2. Rash 🔴 on the trunk."]);
    expect(text.length).toBe(43); // two surrogate pairs: the JS length would put every later offset off by one or two
  });

  it("splits Chinese at full stops with no space after them", () => {
    const text = "患者发热三天。𠮷血常规显示白细胞升高！考虑细菌感染。";
    const steps = segmentSteps(text);
    expect(steps.map((s) => cp(text, s))).toEqual(["患者发热三天。", "𠮷血常规显示白细胞升高！", "考虑细菌感染。"]);
    expect(steps[1]).toEqual({ start: 7, end: 19 }); // 𠮷 is outside the BMP: one code point, two UTF-16 units
    expect(stepTexts(text, steps)[2]).toBe("考虑细菌感染。");
  });

  it("splits Arabic sentences and paragraphs with right-to-left text and combining marks", () => {
    const text = "المريض يعاني من حمى مُنذ ثلاثة أيام. تحليل الدم يُظهر ارتفاع الكريات البيضاء؟ نعم.";
    const steps = segmentSteps(text);
    expect(steps.map((s) => cp(text, s))).toEqual(["المريض يعاني من حمى مُنذ ثلاثة أيام.", "تحليل الدم يُظهر ارتفاع الكريات البيضاء؟", "نعم."]);
    const paragraphs = "الخطوة الأولى: الحمى 👍\n\nالخطوة الثانية: العلاج";
    expect(segmentSteps(paragraphs).map((s) => cp(paragraphs, s))).toEqual(["الخطوة الأولى: الحمى 👍", "الخطوة الثانية: العلاج"]);
    expect(segmentSteps(paragraphs)[1].start).toBe([..."الخطوة الأولى: الحمى 👍\n\n"].length);
  });
});

describe("segmentSteps on any text", () => {
  it("reads Windows line endings like Unix ones", () => {
    expect(texts(PARAGRAPHS.replaceAll("\n", "\r\n"))).toEqual(texts(PARAGRAPHS));
    expect(texts(NUMBERED.replaceAll("\n", "\r\n"))).toHaveLength(6);
  });

  it("always returns 0–60 valid steps, whatever the mix of scripts, markers and punctuation", () => {
    const pieces = ["1. ", "2) ", "(3) ", "Step 4: ", "\n", "\n\n", "  ", ". ", "? ", "e.g. ", "38.6 ", "🤒", "👩‍⚕️", "𠮷", "。", "患者", "حمى", "؟ ", "mg/kg", "Dr. ", "A", "b", "\t", "…"];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: Math.floor(random() * 400) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      const steps = segmentSteps(text);
      expect(steps.length).toBeLessThanOrEqual(MAX_STEPS);
      if (/\S/u.test(text)) expect(validateSteps(text, steps)).toEqual([]);
      else expect(steps).toEqual([]);
      for (const step of stepTexts(text, steps)) expect(step).toBe(step.trim());
    }
  });
});
