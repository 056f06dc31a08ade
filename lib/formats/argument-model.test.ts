import { describe, expect, it } from "vitest";
import { argumentAnnotationSchema, labelSetSchema } from "./argument-model";
import { DEFAULT_LABEL_SET, type ArgumentAnnotation, type LabelSet } from "./argument-types";
import { checkArgumentAnnotation, checkLabelSet } from "./check-annotation";

const TEXT = "🙂 Aspirin lowers risk. שלום 140/90 supports it.";
// 🙂 is one code point: "Aspirin lowers risk." runs from 2 to 22.
const GOOD: ArgumentAnnotation = {
  spans: [
    { id: "T1", label: "Claim", start: 2, end: 22, text: "Aspirin lowers risk." },
    { id: "T2", label: "Premise", start: 23, end: 35, text: "שלום 140/90 " },
  ],
  relations: [{ id: "R1", label: "Support", from: "T2", to: "T1" }],
};

describe("the default label set", () => {
  it("is valid and is AbstRCT's: premises and claims support or attack claims, premises and the major claim", () => {
    expect(labelSetSchema.safeParse(DEFAULT_LABEL_SET).success).toBe(true);
    expect(DEFAULT_LABEL_SET.labels.map((l) => l.key)).toEqual(["MajorClaim", "Claim", "Premise"]);
    expect(DEFAULT_LABEL_SET.relations.map((r) => r.key)).toEqual(["Support", "Attack"]);
    const support = DEFAULT_LABEL_SET.relations[0].allowed;
    expect(support).toContainEqual(["Premise", "MajorClaim"]);
    expect(support).not.toContainEqual(["MajorClaim", "Claim"]);
    expect(support).toHaveLength(6);
  });
});

describe("checkLabelSet", () => {
  it("names duplicate keys and shortcuts, unknown labels in pairs, and a relation named like a label", () => {
    const bad: LabelSet = {
      labels: [
        { key: "Claim", name: "Claim", color: "#000000", shortcut: "c" },
        { key: "claim", name: "Claim again", color: "#000000", shortcut: "c" },
      ],
      relations: [
        { key: "Support", name: "Support", allowed: [["Premise", "Claim"], ["Claim", "Claim"], ["Claim", "Claim"]] },
        { key: "CLAIM", name: "x", allowed: [] },
      ],
    };
    const messages = checkLabelSet(bad).map((p) => p.message);
    expect(messages).toEqual([
      'Two labels have the key "claim" (keys must differ, also in upper or lower case).',
      'Two labels use the shortcut key "c".',
      'Relation "Support" names the label "Premise", which is not in the label set.',
      'Relation "Support" lists the pair Claim → Claim twice.',
      '"CLAIM" is both a span label and a relation; give them different keys.',
      'Relation "CLAIM" allows no pair of labels; list at least one [from, to] pair.',
    ]);
    const parsed = labelSetSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("labels.1.shortcut");
  });

  it("refuses keys brat cannot store and colours that are not #rrggbb", () => {
    const parsed = labelSetSchema.safeParse({ labels: [{ key: "Major claim", name: "x", color: "red", shortcut: "M" }], relations: [] });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      "A label's key may use only letters, digits, _ and -, starting with a letter (brat stores it as a type name).",
      "A label's colour must be written #rrggbb, e.g. #2563eb.",
      "A label's shortcut must be one lower-case letter or digit.",
    ]);
  });
});

describe("checkArgumentAnnotation", () => {
  it("accepts spans whose text matches at code-point offsets, in mixed scripts with an emoji", () => {
    expect(argumentAnnotationSchema.safeParse(GOOD).success).toBe(true);
    expect(checkArgumentAnnotation(TEXT, GOOD, DEFAULT_LABEL_SET)).toEqual([]);
  });

  it("names every problem: text mismatch (UTF-16 offsets), outside the text, unknown label, missing span, disallowed pair, repeats", () => {
    const annotation: ArgumentAnnotation = {
      spans: [
        { id: "T1", label: "Claim", start: 3, end: 23, text: "Aspirin lowers risk." }, // UTF-16 offsets: off by one
        { id: "T2", label: "Evidence", start: 40, end: 60, text: "x" },
        { id: "T3", label: "MajorClaim", start: 2, end: 9, text: "Aspirin" },
        { id: "T4", label: "MajorClaim", start: 2, end: 9, text: "Aspirin" },
        { id: "T4", label: "Premise", start: 5, end: 5, text: "" },
      ],
      relations: [
        { id: "R1", label: "Support", from: "T3", to: "T1" },
        { id: "R2", label: "Support", from: "T9", to: "T1" },
        { id: "R3", label: "Rebut", from: "T1", to: "T3" },
        { id: "R4", label: "Support", from: "T3", to: "T1" },
      ],
    };
    expect(checkArgumentAnnotation(TEXT, annotation, DEFAULT_LABEL_SET).map((p) => `${p.path.join(".")}: ${p.message}`)).toEqual([
      'spans.4.id: Two spans have the id "T4".',
      'spans.0.text: Span T1 (Claim, 3–23) says its text is "Aspirin lowers risk.", but the text there is "spirin lowers risk. ".',
      'spans.1.label: Span T2 (Evidence, 40–60) has the label "Evidence", which is not in the project\'s label set (MajorClaim, Claim, Premise).',
      "spans.1.end: Span T2 (Evidence, 40–60) ends after the text, which has 47 characters (code points).",
      "spans.3: Span T4 (MajorClaim, 2–9) repeats span T3 (same label and offsets).",
      "spans.4.end: Span T4 (Premise, 5–5) is empty or reversed: it must end after it starts.",
      "relations.0.label: Relation R1 (Support from T3 to T1) links a MajorClaim to a Claim, which the label set does not allow for Support.",
      "relations.1.from: Relation R2 (Support from T9 to T1) starts at span T9, which does not exist.",
      'relations.2.label: Relation R3 (Rebut from T1 to T3) has the type "Rebut", which is not in the project\'s label set (Support, Attack).',
      "relations.3.label: Relation R4 (Support from T3 to T1) links a MajorClaim to a Claim, which the label set does not allow for Support.",
      "relations.3: Relation R4 (Support from T3 to T1) repeats relation R1.",
    ]);
  });

  it("without a label set, checks only the text and the references", () => {
    const annotation: ArgumentAnnotation = { spans: [{ ...GOOD.spans[0], label: "Anything" }], relations: [{ id: "R1", label: "Whatever", from: "T1", to: "T1" }] };
    expect(checkArgumentAnnotation(TEXT, annotation)).toEqual([]);
  });

  it("the schema refuses offsets that are not whole numbers and spans that end before they start", () => {
    const parsed = argumentAnnotationSchema.safeParse({ spans: [{ id: "T1", label: "Claim", start: 1.5, end: 1, text: "" }], relations: [{ id: "R 1", label: "Support", from: "T1" }] });
    expect(parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "spans.0.start: A span's start must be a whole number of characters (code points).",
      "relations.0.id: A relation's id may not contain spaces.",
      "relations.0.to: A relation's target span id must be text.",
    ]);
  });
});
