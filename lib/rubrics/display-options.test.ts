import { describe, expect, it } from "vitest";
import { RUBRIC_TEMPLATES } from "./templates";
import { displayOptions, type AxisForDisplay } from "./display-options";

const asDisplayed = (a: (typeof RUBRIC_TEMPLATES)[number]["axes"][number]): AxisForDisplay => ({
  type: a.type,
  options: a.options,
  min: a.min ?? null,
  max: a.max ?? null,
  allowsNotApplicable: a.allowsNotApplicable,
  ...(a.best !== undefined ? { best: String(a.best) } : {}),
});

describe("displayOptions", () => {
  const medPalm = RUBRIC_TEMPLATES.find((t) => t.key === "med-palm-long-form")!;

  it("gives every yes/no axis the same layout: Yes first, No second, Y and N keys", () => {
    const yesNo = RUBRIC_TEMPLATES.flatMap((t) => t.axes).filter((a) => a.type === "BOOLEAN" || (a.type === "CHOICE" && a.options.length === 2 && a.options.some((o) => o.value === "yes")));
    expect(yesNo.length).toBeGreaterThan(8);
    for (const axis of yesNo) {
      const shown = displayOptions(asDisplayed(axis)).filter((o) => o.key !== "na");
      expect({ axis: axis.key, shown: shown.map((o) => [o.label, o.key]) }).toEqual({ axis: axis.key, shown: [["Yes", "y"], ["No", "n"]] });
    }
  });

  it("so key 1 means Yes on both 'correct' and 'incorrect' comprehension, and the better answer is marked", () => {
    const correct = displayOptions(asDisplayed(medPalm.axes.find((a) => a.key === "correct_comprehension")!));
    const incorrect = displayOptions(asDisplayed(medPalm.axes.find((a) => a.key === "incorrect_comprehension")!));
    expect(correct[0]).toMatchObject({ value: "yes", isBest: true });
    expect(incorrect[0]).toMatchObject({ value: "yes" });
    expect(incorrect[0].isBest).toBeUndefined();
    expect(incorrect[1]).toMatchObject({ value: "no", isBest: true });
  });

  it("keeps the published order elsewhere, marks the best end of scales, and adds N/A last", () => {
    const harm = displayOptions(asDisplayed(medPalm.axes.find((a) => a.key === "harm_extent")!));
    expect(harm.map((o) => o.value)).toEqual(["none", "moderate_mild", "death_severe"]);
    expect(harm.filter((o) => o.isBest).map((o) => o.value)).toEqual(["none"]);
    const amie = RUBRIC_TEMPLATES.find((t) => t.key === "amie-consultation")!;
    const scale = displayOptions(asDisplayed(amie.axes[0]));
    expect(scale.map((o) => o.value)).toEqual([1, 2, 3, 4, 5, "na"]);
    expect(scale.filter((o) => o.isBest).map((o) => o.value)).toEqual([5]);
    const medval = RUBRIC_TEMPLATES.find((t) => t.key === "medval-safety")!;
    expect(displayOptions(asDisplayed(medval.axes[0])).filter((o) => o.isBest).map((o) => o.value)).toEqual([1]);
  });
});
