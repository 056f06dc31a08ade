import { describe, expect, it } from "vitest";
import { aiTurnPositions, turnLabel } from "./ai-turns";

describe("AI turns of a transcript", () => {
  it("are the assistant's turns, or the clinician's when the model plays the doctor", () => {
    expect(aiTurnPositions([{ role: "user" }, { role: "assistant" }, { role: "user" }, { role: "assistant" }])).toEqual([1, 3]);
    expect(aiTurnPositions([{ role: "patient" }, { role: "clinician" }, { role: "patient" }, { role: "clinician" }])).toEqual([1, 3]);
    // A human clinician beside an assistant: only the assistant is the model.
    expect(aiTurnPositions([{ role: "clinician" }, { role: "assistant" }, { role: "patient" }])).toEqual([1]);
    expect(aiTurnPositions(undefined)).toEqual([]);
    expect(aiTurnPositions([{ role: "patient" }])).toEqual([]);
  });

  it("are named by transcript position and AI-turn ordinal, both from 1", () => {
    expect(turnLabel(3, [1, 3])).toBe("Turn 4 (AI turn 2)");
    expect(turnLabel(2, [1, 3])).toBe("Turn 3");
  });
});
