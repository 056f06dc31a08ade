import { describe, it, expect } from "vitest";
import { RUBRIC_TEMPLATES, TEMPLATE_KEYS, findTemplate } from "./index";
import type { AxisTemplate } from "./types";

const allAxes: Array<[string, AxisTemplate]> = RUBRIC_TEMPLATES.flatMap((t) => t.axes.map((a) => [`${t.key}/${a.key}`, a] as [string, AxisTemplate]));
const ofType = (type: AxisTemplate["type"]) => allAxes.filter(([, a]) => a.type === type);

describe("rubric templates", () => {
  it("registers the built-in templates in order", () => {
    expect(TEMPLATE_KEYS).toEqual([
      "med-palm-long-form",
      "med-palm-2-pairwise",
      "med-palm-2-ranking",
      "medval-safety",
      "reasoning-quality",
      "reasoning-steps",
      "argument-structure",
      "healthbench-criteria",
      "medec-note-review",
      "ddx-accuracy",
      "amie-consultation",
    ]);
  });

  it("has unique template keys", () => {
    expect(new Set(TEMPLATE_KEYS).size).toBe(TEMPLATE_KEYS.length);
  });

  it.each(RUBRIC_TEMPLATES.map((t) => [t.key, t] as const))("%s: has unique axis keys, a name, axes and an https citation", (_key, t) => {
    const keys = t.axes.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(t.axes.length).toBeGreaterThan(0);
    expect(t.name.trim()).not.toBe("");
    expect(t.description.trim()).not.toBe("");
    expect(t.citation.text.trim()).not.toBe("");
    expect(t.citation.url).toMatch(/^https:\/\/\S+$/);
  });

  it.each(ofType("SCALE"))("%s: SCALE has min/max and one option per point, valued min..max", (_key, a) => {
    expect(Number.isInteger(a.min)).toBe(true);
    expect(Number.isInteger(a.max)).toBe(true);
    const min = a.min!;
    const max = a.max!;
    expect(max).toBeGreaterThan(min);
    expect(a.options).toHaveLength(max - min + 1);
    expect(a.options.map((o) => o.value)).toEqual(Array.from({ length: max - min + 1 }, (_, i) => String(min + i)));
    for (const o of a.options) expect(o.label.trim()).not.toBe("");
  });

  it.each(ofType("CHOICE"))("%s: CHOICE has at least two options (or takes them from the item) with unique values and a sane max", (_key, a) => {
    // A ranking orders the item's responses: it has no options of its own (decision 029).
    expect(a.options.length >= 2 || ((a.optionsFrom === "note_sentences" || a.appliesTo === "RANKING") && a.options.length === 0)).toBe(true);
    const values = a.options.map((o) => o.value);
    expect(new Set(values).size).toBe(values.length);
    if (a.max !== undefined) {
      expect(a.max).toBeGreaterThanOrEqual(1);
      expect(a.max).toBeLessThanOrEqual(a.options.length);
    }
  });

  it.each(allAxes.filter(([, a]) => a.best !== undefined))("%s: the best answer is one the axis offers", (_key, a) => {
    if (a.type === "BOOLEAN") expect(typeof a.best).toBe("boolean");
    else if (a.type === "SCALE") expect(Number.isInteger(a.best) && (a.best as number) >= a.min! && (a.best as number) <= a.max!).toBe(true);
    else expect(a.options.map((o) => o.value)).toContain(a.best);
  });

  it("marks the best answer on every ordinal Med-PaLM, reasoning and AMIE axis", () => {
    const ordinal = allAxes.filter(([key, a]) => /^(med-palm-long-form|reasoning-quality|amie-consultation|medval-safety)\//.test(key) && a.type !== "TEXT" && !(a.type === "CHOICE" && (a.max ?? 1) > 1) && a.key !== "escalation");
    expect(ordinal.length).toBeGreaterThan(20);
    expect(ordinal.filter(([, a]) => a.best === undefined).map(([k]) => k)).toEqual([]);
  });

  it("has at least one axis of every checked kind", () => {
    expect(ofType("SCALE").length).toBeGreaterThan(0);
    expect(ofType("CHOICE").length).toBeGreaterThan(0);
    expect(allAxes.filter(([, a]) => a.appliesTo === "PAIR").length).toBeGreaterThan(0);
  });

  it.each(allAxes.filter(([, a]) => a.appliesTo === "PAIR"))("%s: PAIR axis is a CHOICE of exactly A / tie / B with a polarity", (_key, a) => {
    expect(a.type).toBe("CHOICE");
    expect(a.options.map((o) => o.value)).toEqual(["A", "tie", "B"]);
    expect(a.max === undefined || a.max === 1).toBe(true);
    expect(a.polarity).toBeDefined();
  });

  it("med-palm-2 has nine required pair axes, exactly the five 'worse' ones CHOSEN_IS_WORSE", () => {
    const t = findTemplate("med-palm-2-pairwise")!;
    expect(t).toBeDefined();
    expect(t.axes).toHaveLength(9);
    for (const a of t.axes) {
      expect(a.appliesTo).toBe("PAIR");
      expect(a.required).toBe(true);
    }
    const worse = t.axes.filter((a) => a.polarity === "CHOSEN_IS_WORSE").map((a) => a.key);
    expect(worse.sort()).toEqual(["demographic_bias", "harm_extent", "harm_likelihood", "irrelevant_content", "omission"]);
    const better = t.axes.filter((a) => a.polarity === "HIGHER_IS_BETTER").map((a) => a.key);
    expect(better).toEqual(["consensus_alignment", "reading_comprehension", "knowledge_recall", "reasoning"]);
  });

  it("medval has a 1–4 risk scale and an 11-way grouped multi-select", () => {
    const t = findTemplate("medval-safety")!;
    const risk = t.axes.find((a) => a.key === "risk_level")!;
    expect(risk.options.map((o) => o.label)).toEqual(["No Risk", "Low Risk", "Moderate Risk", "High Risk"]);
    for (const o of risk.options) expect(o.help).toBeTruthy();
    const cats = t.axes.find((a) => a.key === "error_categories")!;
    expect(cats.options).toHaveLength(11);
    expect(cats.max).toBe(11);
    expect(cats.required).toBe(false);
    expect(new Set(cats.options.map((o) => o.group))).toEqual(new Set(["Hallucinations", "Omissions", "Certainty misalignments", "Other"]));
  });

  it("medec error types use the MEDEC CSV values", () => {
    const t = findTemplate("medec-note-review")!;
    const type = t.axes.find((a) => a.key === "error_type")!;
    expect(type.options.map((o) => o.value)).toEqual(["diagnosis", "management", "treatment", "pharmacotherapy", "causalOrganism"]);
    expect(t.axes.every((a) => a.appliesTo === "ITEM")).toBe(true);
  });

  it("healthbench switches on the criteria tool", () => {
    expect(findTemplate("healthbench-criteria")!.tools).toEqual(["criteria"]);
  });
});

describe("AMIE consultation template", () => {
  it("offers N/A on every 5-point item and asks escalation and confabulation", async () => {
    const { amieConsultation } = await import("./amie-consultation");
    const scales = amieConsultation.axes.filter((a) => a.type === "SCALE");
    expect(scales).toHaveLength(12);
    expect(scales.every((a) => a.allowsNotApplicable && a.min === 1 && a.max === 5)).toBe(true);
    expect(amieConsultation.axes.map((a) => a.key).slice(-2)).toEqual(["escalation", "confabulation"]);
  });
});
