import type { ToolDescriber } from "../types";
import { diffValues } from "../describe-values";
import { COVERAGE_LABELS, type Coverage } from "./statements";

const named = (marks: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(marks ?? {}).map(([i, c]) => [i, COVERAGE_LABELS[c as Coverage] ?? c]));

export const describeReferences: ToolDescriber = {
  id: "references",
  document(before, after, labels) {
    const ids = new Set([...Object.keys(before.references ?? {}), ...Object.keys(after.references ?? {})]);
    return [...ids].flatMap((id) =>
      diffValues(`${labels.responses.get(id) ?? "Response"} · `, named(before.references?.[id]), named(after.references?.[id]), (i) => `Reference statement ${Number(i) + 1}`, labels),
    );
  },
};
