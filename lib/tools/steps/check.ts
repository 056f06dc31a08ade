import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { screenLabel } from "../ratings/axis-values";
import { checkStepBlock } from "./check-block";

/**
 * Reasoning steps: each response's block against the segmentation version it names (labels stay on the
 * version they were made on; decision 012) and the project's taxonomy; at submit, when the review labels
 * steps, every response labelled on its latest segmentation.
 */
export const stepsChecks: ToolChecks = {
  id: "steps",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const cfg = ctx.steps;
    const blocks = doc.steps ?? {};
    for (const [id, block] of Object.entries(blocks)) {
      const index = ctx.responseIds.indexOf(id);
      if (index === -1) {
        problems.push({ path: `steps.${id}`, message: "This response is not part of the assignment." });
        continue;
      }
      const seg = cfg?.segmentations[id];
      const count = seg?.counts[block.segmentationVersion];
      if (!cfg || !seg || count === undefined) {
        problems.push({ path: `steps.${id}.segmentationVersion`, message: `${screenLabel(index)}: segmentation version ${block.segmentationVersion} does not exist for this response.` });
        continue;
      }
      const found = checkStepBlock(block, { stepCount: count, taxonomyKeys: cfg.taxonomyKeys, requireKind: cfg.requireKind }, forSubmit && cfg.enabled);
      for (const p of found) problems.push({ path: `steps.${id}.${p.path}`, message: `${screenLabel(index)}: ${p.message}` });
    }
    if (forSubmit && cfg?.enabled) {
      ctx.responseIds.forEach((id, index) => {
        if (!blocks[id] && cfg.segmentations[id]) problems.push({ path: `steps.${id}`, message: `${screenLabel(index)}: the reasoning steps are not labelled.` });
      });
    }
    return problems;
  },
};
