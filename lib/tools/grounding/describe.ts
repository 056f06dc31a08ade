import type { ToolDescriber } from "../types";
import { diffValues } from "../describe-values";

type Marks = { spans: Array<{ label: string; text: string; start: number }> } | undefined;
const named = (marks: Marks) => Object.fromEntries((marks?.spans ?? []).map((s) => [`${s.start}`, `${s.label}: “${s.text}”`]));

export const describeGrounding: ToolDescriber = {
  id: "grounding",
  document(before, after, labels) {
    const ids = new Set([...Object.keys(before.grounding ?? {}), ...Object.keys(after.grounding ?? {})]);
    return [...ids].flatMap((id) => {
      const who = `${labels.responses.get(id) ?? "Response"} · `;
      return [
        ...diffValues(who, named(before.grounding?.[id]?.summary), named(after.grounding?.[id]?.summary), (start) => `Summary mark at ${start}`, labels),
        ...diffValues(who, named(before.grounding?.[id]?.source), named(after.grounding?.[id]?.source), (start) => `Source omission at ${start}`, labels),
      ];
    });
  },
};
