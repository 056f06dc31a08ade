import type { ToolDescriber } from "../types";
import { DDX_VALUES, diffValues } from "../describe-values";

type Entries = Record<string, { match: string | null }> | undefined;
const matches = (e: Entries) => Object.fromEntries(Object.entries(e ?? {}).map(([rank, v]) => [rank, v.match]));

export const describeDdxMatch: ToolDescriber = {
  id: "ddx-match",
  response(who, a, b, labels) {
    return diffValues(who, matches(a?.entries), matches(b?.entries), (rank) => `Differential entry ${Number(rank) + 1}`, labels, () => DDX_VALUES);
  },
};
