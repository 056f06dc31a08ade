import { describe, expect, it } from "vitest";
import { acceptedRange, autoGrade, gradeNumeric } from "./auto-grade";

describe("autoGrade", () => {
  it("grades a single choice against the correct option, and nothing without a key or an answer", () => {
    expect(autoGrade({ correctOption: "B" }, { choice: "B" })).toBe(true);
    expect(autoGrade({ correctOption: "B" }, { choice: "C" })).toBe(false);
    expect(autoGrade({ correctOption: "B" }, { choices: ["B"] })).toBe(true);
    expect(autoGrade({ correctOption: "B" }, { choices: ["B", "C"] })).toBe(false);
    expect(autoGrade({ explanation: "…" }, { choice: "B" })).toBeNull();
    expect(autoGrade({ correctOption: "B" }, { differential: [] })).toBeNull();
    expect(autoGrade(null, { choice: "B" })).toBeNull();
  });

  it("grades select-all-that-apply as the exact set, in any order", () => {
    const key = { correctOptions: ["A", "C"] };
    expect(autoGrade(key, { choices: ["C", "A"] })).toBe(true);
    expect(autoGrade(key, { choices: ["A"] })).toBe(false);
    expect(autoGrade(key, { choices: ["A", "C", "D"] })).toBe(false);
    expect(autoGrade(key, { choices: ["A", "A"] })).toBe(false);
    expect(autoGrade({ correctOptions: ["A"] }, { choice: "A" })).toBe(true);
  });

  it("grades a number inside the accepted range, MedCalc-Bench's lower–upper or a tolerance, with matching units", () => {
    // MedCalc-Bench: creatinine clearance 61.3 mL/min, accepted 58.2–64.4 (±5 %).
    const key = { value: 61.3, unit: "mL/min", lower: 58.235, upper: 64.365 };
    expect(autoGrade({ numeric: key }, { numeric: { value: 58.235 } })).toBe(true);
    expect(autoGrade({ numeric: key }, { numeric: { value: 64.4, unit: "mL/min" } })).toBe(false);
    expect(autoGrade({ numeric: key }, { numeric: { value: 60, unit: "ml / min" } })).toBe(true);
    expect(gradeNumeric(key, { value: 60, unit: "mL/s" })).toEqual({ correct: false, reason: "unit" });
    expect(acceptedRange({ value: 4, tolerance: 0.5 })).toEqual({ low: 3.5, high: 4.5 });
    expect(acceptedRange({ value: -20, relativeTolerance: 0.1 })).toEqual({ low: -22, high: -18 });
    expect(autoGrade({ numeric: { value: 0.3 } }, { numeric: { value: 0.1 + 0.2 } })).toBe(true); // exact key, float slack
    expect(autoGrade({ numeric: { value: 3 } }, { numeric: { value: 3.01 } })).toBe(false);
    expect(autoGrade({ numeric: { value: 3 } }, { choice: "A" })).toBeNull();
  });
});
