import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { moveResponse, pairsOf, placeBefore, ranksOf, tiersFromOrder, toggleTieWithPrevious } from "./tiers";
import type { RankingTiers } from "./schema";

const sortedIds = (t: RankingTiers) => t.flat().sort();

describe("ranking tiers", () => {
  it("rank by competition ranking: ties share a rank and the next rank skips", () => {
    expect([...ranksOf([["a"], ["b", "c"], ["d"]])]).toEqual([["a", 1], ["b", 2], ["c", 2], ["d", 4]]);
  });

  it("move a response out of a tie first, then past its neighbour", () => {
    const t: RankingTiers = [["a"], ["b", "c"], ["d"]];
    expect(moveResponse(t, "c", -1)).toEqual([["a"], ["c"], ["b"], ["d"]]);
    expect(moveResponse(t, "c", 1)).toEqual([["a"], ["b"], ["c"], ["d"]]);
    expect(moveResponse(t, "a", 1)).toEqual([["b", "c"], ["a"], ["d"]]);
    expect(moveResponse(t, "d", -1)).toEqual([["a"], ["d"], ["b", "c"]]);
    expect(moveResponse(t, "a", -1)).toBe(t);
    expect(moveResponse(t, "d", 1)).toBe(t);
  });

  it("tie with the one above, and untie", () => {
    const t = tiersFromOrder(["a", "b", "c"]);
    const tied = toggleTieWithPrevious(t, "b");
    expect(tied).toEqual([["a", "b"], ["c"]]);
    expect(toggleTieWithPrevious(tied, "b")).toEqual([["a"], ["b"], ["c"]]);
    expect(toggleTieWithPrevious(t, "a")).toBe(t);
  });

  it("place before another response, or last", () => {
    const t = tiersFromOrder(["a", "b", "c"]);
    expect(placeBefore(t, "c", "a")).toEqual([["c"], ["a"], ["b"]]);
    expect(placeBefore(t, "a", null)).toEqual([["b"], ["c"], ["a"]]);
    expect(placeBefore([["a", "b"], ["c"]], "c", "b")).toEqual([["c"], ["a", "b"]]);
  });

  it("list every pair once: tied pairs as ties, the rest first before second", () => {
    expect(pairsOf([["a", "b"], ["c"]])).toEqual([
      { first: "a", second: "b", tie: true },
      { first: "a", second: "c", tie: false },
      { first: "b", second: "c", tie: false },
    ]);
  });

  it("keep every response exactly once, with no empty tier, whatever the edits", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const edit = fc.oneof(
      fc.record({ op: fc.constant("move" as const), id: fc.constantFrom(...ids), dir: fc.constantFrom(-1 as const, 1 as const) }),
      fc.record({ op: fc.constant("tie" as const), id: fc.constantFrom(...ids) }),
      fc.record({ op: fc.constant("place" as const), id: fc.constantFrom(...ids), before: fc.option(fc.constantFrom(...ids), { nil: null }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        let t = tiersFromOrder(ids);
        for (const e of edits) t = e.op === "move" ? moveResponse(t, e.id, e.dir) : e.op === "tie" ? toggleTieWithPrevious(t, e.id) : placeBefore(t, e.id, e.before);
        expect(sortedIds(t)).toEqual(ids);
        expect(t.every((tier) => tier.length > 0)).toBe(true);
        expect(pairsOf(t)).toHaveLength((ids.length * (ids.length - 1)) / 2);
      }),
    );
  });
});
