import type { ToolDescriber } from "../types";

const HOW = { prefilled: "pre-filled", after_own: "after your own ratings" } as const;

/** "Response A · Suggestions shown (pre-filled, 4 values)" when a response's suggestions first appear. */
export const describeSuggestions: ToolDescriber = {
  id: "suggestions",
  document(before, after, labels) {
    return Object.entries(after.suggestions ?? {})
      .filter(([id]) => !before.suggestions?.[id])
      .map(([id, block]) => `${labels.responses.get(id) ?? "Response"} · Suggestions shown (${HOW[block.mode]}, ${Object.keys(block.shown).length} values)`);
  },
};
