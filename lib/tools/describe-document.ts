import type { AnnotationData } from "@/lib/annotations/schema";
import { describeCriteria } from "./criteria/describe";
import { describeDdxMatch } from "./ddx-match/describe";
import { showValue } from "./describe-values";
import { describePairwise } from "./pairwise/describe";
import { describeRanking } from "./ranking/describe";
import { describeRatings } from "./ratings/describe";
import { describeReferences } from "./references/describe";
import { describeSteps } from "./steps/describe";
import { describeArguments } from "./arguments/describe";
import { describeCorrections } from "./corrections/describe";
import { describeTurns } from "./turns/describe";
import { describeSuggestions } from "./suggestions/describe";
import { describeActions } from "./actions/describe";
import { describeCitations } from "./citations/describe";
import { describeGrounding } from "./grounding/describe";
import { describeRegions } from "./regions/describe";
import { describeRecordLinks } from "./record-links/describe";
import type { ChangeLabels, ToolDescriber } from "./types";

// The describers of every tool, in registry order (lib/tools/index.ts checks the ids match). Zod-free:
// the conflict panel runs this in the browser; the history runs it on the server.
export const TOOL_DESCRIBERS: readonly ToolDescriber[] = [describeRatings, describePairwise, describeRanking, describeCriteria, describeDdxMatch, describeReferences, describeSteps, describeArguments, describeCorrections, describeTurns, describeSuggestions, describeActions, describeCitations, describeGrounding, describeRegions, describeRecordLinks];

const EMPTY: AnnotationData = { responses: {}, item: { ratings: {}, comments: {} }, pair: { ratings: {}, comments: {}, strength: {} }, overallComment: "" };

/**
 * Human-readable differences between two versions of an annotation document ("Response A · Harm extent:
 * — → No harm"): each response's changes tool by tool, then document-level ones, then the overall comment.
 */
export function describeChanges(before: AnnotationData | null, after: AnnotationData, labels: ChangeLabels): string[] {
  const prev = before ?? EMPTY;
  const out: string[] = [];
  for (const id of new Set([...Object.keys(prev.responses), ...Object.keys(after.responses)])) {
    const who = `${labels.responses.get(id) ?? "Response"} · `;
    for (const tool of TOOL_DESCRIBERS) out.push(...(tool.response?.(who, prev.responses[id], after.responses[id], labels) ?? []));
  }
  for (const tool of TOOL_DESCRIBERS) out.push(...(tool.document?.(prev, after, labels) ?? []));
  if (prev.overallComment !== after.overallComment) out.push(`Overall comment: ${showValue(prev.overallComment, labels)} → ${showValue(after.overallComment, labels)}`);
  return out;
}
