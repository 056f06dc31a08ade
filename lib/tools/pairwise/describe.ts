import type { PairBlock } from "@/lib/annotations/schema";
import type { ChangeLabels, ToolDescriber } from "../types";
import { axisName, diffValues } from "../describe-values";
import { splitPairKey } from "./pairs";

const EMPTY: PairBlock = { ratings: {}, comments: {}, strength: {} };

function describeBlock(prefix: string, before: PairBlock, after: PairBlock, labels: ChangeLabels): string[] {
  const axis = axisName(labels);
  return [
    ...diffValues(prefix, before.ratings, after.ratings, axis, labels, (k) => k),
    ...diffValues(prefix, before.comments, after.comments, (k) => `${axis(k)} comment`, labels),
    ...diffValues(prefix, before.strength, after.strength, (k) => `${axis(k)} strength`, labels),
  ];
}

/** "Comparison · …" for the first pair; "Comparison Response B – Response C · …" for the others (decision 035). */
export const describePairwise: ToolDescriber = {
  id: "pairwise",
  document(before, after, labels) {
    const out = describeBlock("Comparison · ", before.pair, after.pair, labels);
    for (const key of new Set([...Object.keys(before.morePairs ?? {}), ...Object.keys(after.morePairs ?? {})])) {
      const ids = splitPairKey(key);
      const name = ids ? ids.map((id) => labels.responses.get(id) ?? "Response").join(" – ") : key;
      out.push(...describeBlock(`Comparison ${name} · `, before.morePairs?.[key] ?? EMPTY, after.morePairs?.[key] ?? EMPTY, labels));
    }
    return out;
  },
};
