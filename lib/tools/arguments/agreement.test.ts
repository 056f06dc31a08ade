import { describe, expect, it } from "vitest";
import { argumentAgreement } from "./agreement";

const span = (id: string, label: string, start: number, end: number) => ({ id, label, start, end, text: "" });

describe("argument agreement", () => {
  it("counts exact and overlapping span matches one to one, and relations whose ends both match", () => {
    const a = { spans: [span("T1", "Claim", 0, 10), span("T2", "Premise", 12, 30), span("T3", "Premise", 40, 50)], relations: [{ id: "R1", label: "Support", from: "T2", to: "T1" }, { id: "R2", label: "Support", from: "T3", to: "T1" }] };
    const b = { spans: [span("A", "Claim", 0, 10), span("B", "Premise", 14, 30), span("C", "Claim", 40, 50)], relations: [{ id: "R1", label: "Support", from: "B", to: "A" }] };
    const result = argumentAgreement([[a, b], [a]]);
    expect(result.texts).toBe(1);
    expect(result.pairs).toBe(1);
    // Exact: only the claim; overlap: the claim and the premise (T3/C differ in label).
    expect(result.spansExact).toEqual({ matches: 1, a: 3, b: 3, f1: 2 / 6 });
    expect(result.spansOverlap).toEqual({ matches: 2, a: 3, b: 3, f1: 4 / 6 });
    // The relation T2 → T1 matches B → A only when T2 and B match (overlap).
    expect(result.relationsExact).toEqual({ matches: 0, a: 2, b: 1, f1: 0 });
    expect(result.relationsOverlap).toEqual({ matches: 1, a: 2, b: 1, f1: 2 / 3 });
  });

  it("pools every pair of three annotators, and is null without any pair", () => {
    const x = { spans: [span("T1", "Claim", 0, 5)], relations: [] };
    expect(argumentAgreement([[x, x, x]]).spansExact).toEqual({ matches: 3, a: 3, b: 3, f1: 1 });
    expect(argumentAgreement([[x]]).spansExact.f1).toBeNull();
  });
});
