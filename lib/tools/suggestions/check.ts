import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { parseTarget } from "./targets";

const MODE_WORDS = { prefilled: "pre-filled when the review opens", after_own: "after the reviewer's own ratings" } as const;

/**
 * Suggestions: a record only where the project shows them, for the assignment's responses, in the
 * project's mode, for targets the project's judge has a value for; `own` (the reviewer's first
 * answers) only with suggestions shown after them, and only for targets shown. The values shown are
 * the browser's record of what it displayed; they are not compared with the judge's current values,
 * which a re-import may have replaced since (decision 034).
 */
export const suggestionsChecks: ToolChecks = {
  id: "suggestions",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext): RatingProblem[] {
    const problems: RatingProblem[] = [];
    for (const [responseId, block] of Object.entries(doc.suggestions ?? {})) {
      const path = `suggestions.${responseId}`;
      const project = ctx.suggestions;
      if (!project) {
        problems.push({ path, message: "This project does not show suggestions." });
        continue;
      }
      if (!ctx.responseIds.includes(responseId)) {
        problems.push({ path, message: "This response is not part of the assignment." });
        continue;
      }
      if (block.mode !== project.mode) problems.push({ path: `${path}.mode`, message: `Suggestions in this project are shown ${MODE_WORDS[project.mode]}.` });
      const known = project.targets[responseId] ?? {};
      for (const target of Object.keys(block.shown)) {
        if (!Object.hasOwn(known, target)) problems.push({ path: `${path}.shown.${target}`, message: `There is no suggestion for ${describe(target)} of this response.` });
      }
      if (block.own && block.mode !== "after_own") problems.push({ path: `${path}.own`, message: "Own answers are recorded only when suggestions appear after them." });
      for (const target of Object.keys(block.own ?? {})) {
        if (!Object.hasOwn(block.shown, target)) problems.push({ path: `${path}.own.${target}`, message: `${describe(target)} was not suggested.` });
      }
    }
    return problems;
  },
};

function describe(target: string): string {
  const { kind, key } = parseTarget(target);
  return kind === "criterion" ? "this criterion" : `axis "${key}"`;
}
