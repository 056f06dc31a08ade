import { describe, expect, it } from "vitest";
import { rubricDocumentSchema } from "./rubric-document";
import { describeChange, diffRubrics } from "./rubric-diff";

const doc = (name: string, axes: object[]) => rubricDocumentSchema.parse({ format: "consilium-rubric/1", name, axes });
const yesNo = (key: string, label = key, extra: object = {}) => ({ key, label, type: "BOOLEAN", ...extra });

describe("diffRubrics", () => {
  it("names added, removed, changed and moved axes by key, and a new name", () => {
    const before = doc("Safety v1", [yesNo("harm", "Harm"), yesNo("bias", "Bias"), yesNo("clarity", "Clarity")]);
    const after = doc("Safety v2", [yesNo("clarity", "Clarity"), yesNo("harm", "Possible harm", { help: "Any physical or mental harm.", allowsNotApplicable: true }), yesNo("empathy", "Empathy")]);
    expect(diffRubrics(before, after).map(describeChange)).toEqual([
      "Renamed from “Safety v1” to “Safety v2”.",
      "Removed Bias (bias).",
      "Clarity (clarity) moved from position 3 to 1.",
      "Possible harm (harm): label, help text, N/A allowed changed.",
      "Possible harm (harm) moved from position 1 to 2.",
      "Added Empathy (empathy).",
    ]);
  });

  it("finds nothing between equal versions; removing an axis alone moves nobody", () => {
    const a = doc("R", [yesNo("a"), yesNo("b"), yesNo("c")]);
    expect(diffRubrics(a, a)).toEqual([]);
    expect(diffRubrics(a, doc("R", [yesNo("a"), yesNo("c")]))).toEqual([{ kind: "removed", key: "b", label: "b" }]);
  });

  it("sees changed options of a choice", () => {
    const choice = (labels: string[]) => doc("R", [{ key: "x", label: "X", type: "CHOICE", options: labels.map((l, i) => ({ value: `v${i}`, label: l })) }]);
    expect(diffRubrics(choice(["Low", "High"]), choice(["Low", "Very high"]))).toEqual([{ kind: "changed", key: "x", label: "X", fields: ["options"] }]);
  });
});
