import type { ToolDescriber } from "../types";

const words = (text: string | undefined) => (text ? text.trim().split(/\s+/).length : 0);

export const describeCorrections: ToolDescriber = {
  id: "corrections",
  document(before, after, labels) {
    const ids = new Set([...Object.keys(before.corrections ?? {}), ...Object.keys(after.corrections ?? {})]);
    return [...ids].flatMap((id) => {
      const was = before.corrections?.[id]?.content;
      const now = after.corrections?.[id]?.content;
      if (was === now) return [];
      const who = labels.responses.get(id) ?? "Response";
      if (was === undefined) return [`${who} · Corrected answer written (${words(now)} words)`];
      if (now === undefined) return [`${who} · Corrected answer removed`];
      return [`${who} · Corrected answer edited (${words(was)} → ${words(now)} words)`];
    });
  },
};
