import { describe, expect, it } from "vitest";
import { isCorrectAtK, topKOf } from "./matches";

describe("differential top-k", () => {
  it("counts exact, very close and closely related matches within the first k entries only", () => {
    expect(topKOf(["unrelated", "unrelated", "closely_related"])).toEqual({ "1": false, "3": true, "5": true, "10": true });
    expect(topKOf(["very_close"])).toEqual({ "1": true, "3": true, "5": true, "10": true });
    expect(topKOf([null, "unrelated", undefined, "unrelated", "unrelated", "exact"])).toEqual({ "1": false, "3": false, "5": false, "10": true });
    expect(isCorrectAtK([], 10)).toBe(false);
  });
});
