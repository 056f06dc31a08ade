import { describe, expect, it } from "vitest";
import { AgreementCollector } from "./agreement-collector";
import { agreementOfCollected } from "./agreement-results";
import { observeToolJudgments, TOOL_AGREEMENT_AXES } from "./tool-agreement";

// Issue 13: agent action verdicts, tests' necessity and citation checks join the agreement table.
describe("tool judgments in the agreement table", () => {
  it("pair each action, test and citation across reviewers, nominally", () => {
    const c = new AgreementCollector();
    const add = (reviewer: string, judgments: Parameters<typeof observeToolJudgments>[2]) =>
      observeToolJudgments(c, { unitOf: (k) => c.unit(k), rater: c.rater(reviewer), known: (id) => id !== "other-item" }, judgments);
    add("r1", { steps: null, actions: { resp: { "0": { verdict: "correct" }, "1": { verdict: "incorrect" }, "2": { verdict: "correct", necessary: false }, "3": { verdict: "correct", necessary: true } } }, citations: { resp: { "0": { mark: "supports" }, "1": { mark: "not_found" } } } });
    add("r2", { steps: null, actions: { resp: { "0": { verdict: "correct" }, "1": { verdict: "correct" }, "2": { verdict: "correct", necessary: false }, "3": { verdict: "correct", necessary: true } }, "other-item": { "0": { verdict: "incorrect" } } }, citations: { resp: { "0": { mark: "supports" }, "1": { mark: "not_found" } } } });
    const result = agreementOfCollected(TOOL_AGREEMENT_AXES, c, { resamples: 0 });
    const percent = (axis: string) => result.find((r) => r.axis === axis)?.inter?.coefficients.find((k) => k.key === "percent_agreement")?.value;
    expect(result.find((r) => r.axis === "action_verdict")?.inter?.basis).toMatchObject({ raters: 2, pairableUnits: 4 });
    expect(percent("action_verdict")).toBeCloseTo(3 / 4, 10);
    expect(percent("test_necessary")).toBe(1);
    expect(percent("citation_mark")).toBe(1);
    expect(result.find((r) => r.axis === "step_verdict")?.inter ?? null).toBeNull();
  });
});
