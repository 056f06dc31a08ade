import { describe, expect, it } from "vitest";
import { RUBRIC_TEMPLATES } from "./templates";
import { axisForPreview, describeRubricIssues, RUBRIC_FORMAT, rubricDocumentSchema, sameRubric } from "./rubric-document";

const docOf = (axes: unknown[], extra: Record<string, unknown> = {}) => ({ format: RUBRIC_FORMAT, name: "R", axes, ...extra });
const scale = { key: "quality", label: "Quality", type: "SCALE", min: 1, max: 3, options: [{ value: "1", label: "Poor" }, { value: "2", label: "Fair" }, { value: "3", label: "Good" }], best: 3 };
const issuesOf = (doc: unknown) => {
  const r = rubricDocumentSchema.safeParse(doc);
  return r.success ? [] : describeRubricIssues(r.error);
};

describe("rubric documents", () => {
  it.each(RUBRIC_TEMPLATES.map((t) => [t.key, t] as const))("%s: every built-in template is a valid document", (_key, t) => {
    const doc = docOf(t.axes, { name: t.name, template: t.key });
    expect(issuesOf(doc)).toEqual([]);
    expect(sameRubric(rubricDocumentSchema.parse(doc), rubricDocumentSchema.parse(JSON.parse(JSON.stringify(doc))))).toBe(true);
  });

  it("fills defaults, so a short shared file is enough", () => {
    expect(rubricDocumentSchema.parse(docOf([{ key: "ok", label: "OK?", type: "BOOLEAN" }])).axes[0]).toEqual({
      key: "ok", label: "OK?", help: "", type: "BOOLEAN", appliesTo: "RESPONSE", required: true, options: [], polarity: "HIGHER_IS_BETTER", allowsNotApplicable: false,
    });
  });

  it("names the axis and the rule for each mistake", () => {
    expect(issuesOf(docOf([scale, { ...scale }]))).toEqual(['Axis 2 (key): Axis key "quality" is used twice (axes 1 and 2).']);
    expect(issuesOf(docOf([{ ...scale, max: 4 }]))).toEqual(["Axis 1 (options): A scale from 1 to 4 needs one labelled option per point, valued 1, 2, 3, 4."]);
    expect(issuesOf(docOf([{ ...scale, best: 7 }]))).toEqual(["Axis 1 (best): The best answer must be a point of the scale."]);
    expect(issuesOf(docOf([{ key: "c", label: "C", type: "CHOICE", options: [{ value: "x", label: "X" }] }]))).toEqual(["Axis 1 (options): A choice needs at least two options."]);
    expect(issuesOf(docOf([{ key: "c", label: "C", type: "CHOICE", options: [{ value: "x", label: "X" }, { value: "x", label: "Y" }] }]))).toEqual(["Axis 1 (options): Option values must be unique."]);
    expect(issuesOf(docOf([{ key: "p", label: "P", type: "CHOICE", appliesTo: "PAIR", options: [{ value: "left", label: "L" }, { value: "right", label: "R" }] }]))[0]).toMatch(/^Axis 1 \(options\): A pairwise axis is a choice with the options "A", "tie" and "B"/);
    expect(issuesOf(docOf([{ key: "t", label: "T", type: "TEXT", polarity: "CHOSEN_IS_WORSE" }]))).toEqual(["Axis 1 (polarity): Only pairwise and ranking axes can mark the chosen (first-ranked) response as worse."]);
    expect(issuesOf(docOf([{ key: "Bad Key", label: "B", type: "TEXT" }]))[0]).toMatch(/^Axis 1 \(key\): A key is lower-case letters/);
    expect(issuesOf(docOf([]))).toEqual(["axes: A rubric needs at least one axis."]);
    expect(issuesOf({ ...docOf([scale]), format: "label-studio" })).toEqual([`format: format must be "${RUBRIC_FORMAT}".`]);
    expect(issuesOf({ ...docOf([scale]), extra: 1 })[0]).toMatch(/extra/);
  });

  it("previews an axis as the review form receives it", () => {
    const axis = rubricDocumentSchema.parse(docOf([scale])).axes[0];
    expect(axisForPreview(axis)).toEqual({ key: "quality", label: "Quality", help: "", type: "SCALE", appliesTo: "RESPONSE", required: true, options: scale.options, min: 1, max: 3, best: "3" });
  });
});
