import { STEP_VERDICTS } from "@/lib/tools/steps/taxonomy";
import { CITATION_MARKS } from "@/lib/tools/citations/marks";
import type { AgreementCollector } from "./agreement-collector";
import type { ResultAxis } from "./axis-results";

// Tool judgments in the agreement table (issues 8 and 13): each reasoning step's verdict, each agent
// action's verdict, each test's necessity and each citation's check is a unit of its own, rated on a
// nominal scale by every reviewer who labelled it. They have no distribution on the rubric tables:
// their tools' sections report them.

export const STEP_VERDICT_AXIS: ResultAxis = { key: "step_verdict", label: "Reasoning step verdicts", type: "CHOICE", appliesTo: "RESPONSE", options: STEP_VERDICTS.map((v) => ({ value: v, label: v })), multiSelect: false, bestValue: null };
const ACTION_VERDICT_AXIS: ResultAxis = { ...STEP_VERDICT_AXIS, key: "action_verdict", label: "Agent action verdicts" };
const TEST_NECESSARY_AXIS: ResultAxis = { key: "test_necessary", label: "Tests ordered: necessary", type: "BOOLEAN", appliesTo: "RESPONSE", options: [], multiSelect: false, bestValue: null };
const CITATION_MARK_AXIS: ResultAxis = { key: "citation_mark", label: "Citation checks", type: "CHOICE", appliesTo: "RESPONSE", options: CITATION_MARKS.map((v) => ({ value: v, label: v })), multiSelect: false, bestValue: null };

export const TOOL_AGREEMENT_AXES: readonly ResultAxis[] = [STEP_VERDICT_AXIS, ACTION_VERDICT_AXIS, TEST_NECESSARY_AXIS, CITATION_MARK_AXIS];

export type ToolJudgments = {
  steps: Record<string, { segmentationVersion?: number; steps?: Record<string, { verdict?: string }> }> | null;
  actions: Record<string, Record<string, { verdict?: string; necessary?: boolean }>> | null;
  citations: Record<string, Record<string, { mark?: string }>> | null;
};

/** Adds one annotation's tool judgments; `known` says whether a response belongs to the item (and the filter). */
export function observeToolJudgments(agreement: AgreementCollector, at: { unitOf: (key: string) => number; rater: number; known: (responseId: string) => boolean }, { steps, actions, citations }: ToolJudgments) {
  const { unitOf, rater, known } = at;
  // A step is named by its segmentation version: re-segmented responses do not pair steps across versions.
  for (const [responseId, block] of Object.entries(steps ?? {})) {
    if (!known(responseId)) continue;
    for (const [index, label] of Object.entries(block?.steps ?? {})) if (label?.verdict) agreement.add(STEP_VERDICT_AXIS.key, unitOf(`${responseId}:${block.segmentationVersion}:${index}`), rater, label.verdict);
  }
  for (const [responseId, labels] of Object.entries(actions ?? {})) {
    if (!known(responseId)) continue;
    for (const [index, label] of Object.entries(labels ?? {})) {
      if (label?.verdict) agreement.add(ACTION_VERDICT_AXIS.key, unitOf(`${responseId}:action:${index}`), rater, label.verdict);
      if (typeof label?.necessary === "boolean") agreement.add(TEST_NECESSARY_AXIS.key, unitOf(`${responseId}:test:${index}`), rater, label.necessary);
    }
  }
  for (const [responseId, marks] of Object.entries(citations ?? {})) {
    if (!known(responseId)) continue;
    for (const [index, check] of Object.entries(marks ?? {})) if (check?.mark) agreement.add(CITATION_MARK_AXIS.key, unitOf(`${responseId}:citation:${index}`), rater, check.mark);
  }
}
