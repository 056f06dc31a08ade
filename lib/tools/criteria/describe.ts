import type { ToolDescriber } from "../types";
import { diffValues } from "../describe-values";

type Marks = Record<string, { met: boolean | null }> | undefined;
const asText = (m: Marks) => Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, v.met === null ? null : v.met ? "met" : "not met"]));

export const describeCriteria: ToolDescriber = {
  id: "criteria",
  response(who, a, b, labels) {
    return diffValues(who, asText(a?.criteria), asText(b?.criteria), (k) => labels.criteria.get(k) ?? "Criterion", labels);
  },
};
