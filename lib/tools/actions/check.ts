import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { screenLabel } from "../ratings/axis-values";

/**
 * Trajectory labels: only on the assignment's runs and their agent actions; error types and severity
 * only on a verdict that is not "correct"; "necessary" only on tests. At submit every agent action has
 * a verdict and every test says whether it was necessary.
 */
export const actionsChecks: ToolChecks = {
  id: "actions",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const outlines = ctx.actions ?? {};
    for (const [responseId, labels] of Object.entries(doc.actions ?? {})) {
      const outline = outlines[responseId];
      if (!ctx.responseIds.includes(responseId) || !outline) {
        problems.push({ path: `actions.${responseId}`, message: "This response is not an agent run of the assignment." });
        continue;
      }
      for (const [key, label] of Object.entries(labels)) {
        const index = Number(key);
        const at = `actions.${responseId}.${key}`;
        if (index >= outline.count) {
          problems.push({ path: at, message: `The run has ${outline.count} actions; there is no action ${index + 1}.` });
          continue;
        }
        const judged = outline.judged.includes(index);
        if (!judged && (label.verdict || label.errorTypes.length || label.severity)) problems.push({ path: `${at}.verdict`, message: `Action ${index + 1} is not the agent's (a tool's result or another party's message): it is not judged.` });
        if (label.verdict === "correct" && (label.errorTypes.length || label.severity)) problems.push({ path: `${at}.errorTypes`, message: `Action ${index + 1} is marked correct: it has no error types or severity.` });
        if (label.necessary !== undefined && !outline.tests.includes(index)) problems.push({ path: `${at}.necessary`, message: `Action ${index + 1} is not a test: "necessary" applies to tests ordered.` });
      }
    }
    if (forSubmit) {
      ctx.responseIds.forEach((id, i) => {
        const outline = outlines[id];
        if (!outline) return;
        const labels = doc.actions?.[id] ?? {};
        const unjudged = outline.judged.filter((n) => !labels[String(n)]?.verdict).length;
        const open = outline.tests.filter((n) => labels[String(n)]?.necessary === undefined).length;
        if (unjudged) problems.push({ path: `actions.${id}`, message: `${screenLabel(i)}: ${unjudged} agent action${unjudged === 1 ? " has" : "s have"} no verdict.` });
        if (open) problems.push({ path: `actions.${id}`, message: `${screenLabel(i)}: ${open} test${open === 1 ? " is" : "s are"} not marked necessary or not.` });
      });
    }
    return problems;
  },
};
