import { useTranslations } from "next-intl";
import type { RatingProblem } from "@/lib/tools/types";
import { useResponseName } from "./response-name";

/**
 * A save problem in the reader's language when the server says what it is (a missing required
 * answer); any other problem as the server wrote it. Place names come from lib in English
 * ("Response A · Turn 3 (AI turn 2)", "Item", "Comparison") and are translated part by part.
 */
export function useProblemText(): (problem: RatingProblem) => string {
  const t = useTranslations("review.where");
  const responseName = useResponseName();
  const where = (place: string) =>
    place
      .split(" · ")
      .map((part) => {
        if (part === "Item") return t("item");
        if (part === "Comparison") return t("comparison");
        const pair = /^Comparison (.+)$/.exec(part);
        if (pair) return t("comparisonOf", { pair: pair[1] });
        const aiTurn = /^Turn (\d+) \(AI turn (\d+)\)$/.exec(part);
        if (aiTurn) return t("aiTurn", { n: Number(aiTurn[1]), ai: Number(aiTurn[2]) });
        const turn = /^Turn (\d+)$/.exec(part);
        if (turn) return t("turn", { n: Number(turn[1]) });
        return responseName(part);
      })
      .join(" · ");
  return (problem) => (problem.code === "required" && problem.params ? t("required", { where: where(problem.params.where), axis: problem.params.axis }) : problem.message);
}
