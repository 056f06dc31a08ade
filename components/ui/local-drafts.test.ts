import { describe, expect, it } from "vitest";
import { clearDrafts, countDrafts } from "./local-drafts";

function memoryStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    get length() { return map.size; },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    removeItem: (k: string) => void map.delete(k),
    keys: () => [...map.keys()],
  };
}

describe("local review drafts", () => {
  it("counts every consilium:draft: key as a draft with its pending changes, and clears only those", () => {
    const storage = memoryStorage({
      "consilium:draft:a1": JSON.stringify({ baseVersion: 3, data: {}, pendingChanges: 4 }),
      "consilium:draft:a2": JSON.stringify({ baseVersion: 0, data: {} }),
      "consilium:draft:a3": "{not json",
      "theme": "dark",
    });
    expect(countDrafts(storage)).toEqual({ items: 3, changes: 6 });
    expect(clearDrafts(storage)).toBe(3);
    expect(storage.keys()).toEqual(["theme"]);
    expect(countDrafts(storage)).toEqual({ items: 0, changes: 0 });
  });
});
