import type { AnnotationData } from "@/lib/annotations/schema";
import { checkArgumentAnnotation } from "@/lib/formats/check-annotation";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { describeTarget } from "./targets";

/**
 * Argument structure: every annotated text must be one of the assignment's texts (its stored text is
 * what offsets count in); spans must lie inside it and quote it exactly; labels and relation pairs
 * must be in the project's label set. Nothing is required at submit (a text may have no argument).
 */
export const argumentsChecks: ToolChecks = {
  id: "arguments",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const cfg = ctx.arguments;
    for (const [target, annotation] of Object.entries(doc.arguments ?? {})) {
      const text = cfg?.texts[target];
      if (text === undefined) {
        problems.push({ path: `arguments.${target}`, message: `${describeTarget(target)}: this text is not part of the assignment, so it cannot be annotated.` });
        continue;
      }
      const name = describeTarget(target, (id) => cfg?.responseLabels[id]);
      for (const p of checkArgumentAnnotation(text, annotation, cfg?.labelSet)) problems.push({ path: `arguments.${target}.${p.path.join(".")}`, message: `${name}: ${p.message}` });
    }
    return problems;
  },
};
