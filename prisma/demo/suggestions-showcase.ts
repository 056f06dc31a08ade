import { criteriaShowcaseItems } from "./criteria-showcase";
import { FICTIONAL, type DialogueItem } from "./types";

// ---------------------------------------------------------------------------------------------
// Suggestions (issue 11, decision 034): a fictional grader's criterion marks pre-fill the review;
// the physician checks each. The grader is right about the clearly good and clearly poor answers
// and wrong on one criterion per response, so there is something to catch.
// ---------------------------------------------------------------------------------------------

export const SUGGESTIONS_JUDGE = "demo-grader";

export const SUGGESTIONS_GUIDELINES = `## Checking a grader's marks
An automated grader has already marked each criterion **met** or **not met**. Its marks are pre-filled and labelled *Suggested*. Check every one: keep it if it is right, change it if not (press **U** to go back to the suggestion).

Your own marks, and whether you kept or changed each suggestion, are recorded; the results page compares agreement with and without suggestions.

${FICTIONAL}`;

export function suggestionsShowcaseItems(): DialogueItem[] {
  return criteriaShowcaseItems()
    .slice(0, 2)
    .map((item) => ({ ...item, externalId: String(item.externalId).replace(/^hb-/, "sg-") }));
}

/** The grader's judge-result lines (the judge-import format): every criterion of every response. */
export function suggestionsJudgeLines(): object[] {
  return suggestionsShowcaseItems().flatMap((item) =>
    item.responses.flatMap((response, r) =>
      (item.criteria ?? []).map((c, i) => {
        // The first answer of each case is the careful one: its good criteria met, its bad ones not.
        const right = (c.points > 0) === (r === 0);
        const wrong = i === 2; // one deliberate mistake per response
        return { externalId: item.externalId, response: response.modelName, criterion: i + 1, value: wrong ? !right : right, judge: SUGGESTIONS_JUDGE, rationale: wrong ? "The answer seems to cover this." : null };
      }),
    ),
  );
}
