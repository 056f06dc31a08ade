import type { ToolDescriber } from "../types";
import { axisName, diffValues, showValue } from "../describe-values";

export const describeRatings: ToolDescriber = {
  id: "ratings",
  response(who, a, b, labels) {
    const axis = axisName(labels);
    return [
      ...diffValues(who, a?.ratings ?? {}, b?.ratings ?? {}, axis, labels, (k) => k),
      ...diffValues(who, a?.comments ?? {}, b?.comments ?? {}, (k) => `${axis(k)} comment`, labels),
      ...((a?.confidence ?? null) !== (b?.confidence ?? null) ? [`${who}Confidence: ${showValue(a?.confidence, labels)} → ${showValue(b?.confidence, labels)}`] : []),
    ];
  },
  document(before, after, labels) {
    const axis = axisName(labels);
    return [
      ...diffValues("Item · ", before.item.ratings, after.item.ratings, axis, labels, (k) => k),
      ...diffValues("Item · ", before.item.comments, after.item.comments, (k) => `${axis(k)} comment`, labels),
    ];
  },
};
