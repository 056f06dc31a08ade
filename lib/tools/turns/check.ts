import type { AnnotationData } from "@/lib/annotations/schema";
import { checkAxisBlock, isMissing, screenLabel } from "../ratings/axis-values";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { turnLabel } from "./ai-turns";

const EMPTY: { ratings: Record<string, unknown>; comments: Record<string, string> } = { ratings: {}, comments: {} };

/**
 * Per-turn ratings: values only on the rubric's TURN axes, only for the AI turns of the assignment's
 * responses; at submit every required TURN axis answered for every AI turn of every response shown.
 */
export const turnsChecks: ToolChecks = {
  id: "turns",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const axes = ctx.axes.filter((a) => a.appliesTo === "TURN");
    const aiTurns = ctx.aiTurns ?? {};
    for (const [responseId, byTurn] of Object.entries(doc.turns ?? {})) {
      const index = ctx.responseIds.indexOf(responseId);
      if (index === -1) {
        problems.push({ path: `turns.${responseId}`, message: "This response is not part of the assignment." });
        continue;
      }
      const positions = aiTurns[responseId] ?? [];
      for (const [turn, block] of Object.entries(byTurn)) {
        const path = `turns.${responseId}.${turn}`;
        if (!axes.length) problems.push({ path, message: "This rubric has no per-turn axes." });
        else if (!positions.includes(Number(turn))) problems.push({ path, message: `${screenLabel(index)} has no AI turn at position ${Number(turn) + 1}.` });
        else checkAxisBlock(problems, path, block, axes, `${screenLabel(index)} · ${turnLabel(Number(turn), positions)}`, ctx, [], false);
      }
    }
    if (forSubmit && axes.some((a) => a.required)) {
      ctx.responseIds.forEach((responseId, index) => {
        const positions = aiTurns[responseId] ?? [];
        for (const position of positions) {
          const block = doc.turns?.[responseId]?.[String(position)] ?? EMPTY;
          // Only the required axes still missing, each reported once as missing (values were checked above).
          const missing = axes.filter((a) => a.required && isMissing(block.ratings[a.key]));
          checkAxisBlock(problems, `turns.${responseId}.${position}`, { ratings: {}, comments: {} }, missing, `${screenLabel(index)} · ${turnLabel(position, positions)}`, ctx, [], true);
        }
      });
    }
    return problems;
  },
};
