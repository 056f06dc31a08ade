import type { ToolDescriber } from "../types";
import { axisName, diffValues } from "../describe-values";

export const describePairwise: ToolDescriber = {
  id: "pairwise",
  document(before, after, labels) {
    const axis = axisName(labels);
    return [
      ...diffValues("Comparison · ", before.pair.ratings, after.pair.ratings, axis, labels, (k) => k),
      ...diffValues("Comparison · ", before.pair.comments, after.pair.comments, (k) => `${axis(k)} comment`, labels),
      ...diffValues("Comparison · ", before.pair.strength, after.pair.strength, (k) => `${axis(k)} strength`, labels),
    ];
  },
};
