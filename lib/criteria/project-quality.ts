import type { Actor } from "@/lib/auth/permissions";
import { holdsProjectPermission } from "@/lib/projects/access";
import { loadDdxAccuracy, type DdxAccuracyRow } from "@/lib/ddx/ddx-accuracy";
import { loadGoldAccuracy, type GoldAccuracyRow } from "@/lib/gold/gold-accuracy";
import { loadReferenceRecall, type ReferenceRecallRow } from "@/lib/tools/references/results";
import { loadStepResults } from "@/lib/tools/steps/results";
import { loadArgumentResults, type ArgumentResults } from "@/lib/tools/arguments/results";
import { loadCorrectionResults, type CorrectionSummary } from "@/lib/tools/corrections/results";
import { loadSuggestionResults, type SuggestionResults } from "@/lib/tools/suggestions/results";
import { loadTrajectoryResults, type TrajectoryModelResult } from "@/lib/tools/actions/results";
import { loadCitationResults, type CitationModelResult } from "@/lib/tools/citations/results";
import { loadGroundingResults, type GroundingResults } from "@/lib/tools/grounding/results";
import { loadRegionResults, type RegionResults } from "@/lib/tools/regions/results";
import { loadRecordResults, type RecordResults } from "@/lib/tools/record-links/results";
import type { ModelStepSummary } from "@/lib/tools/steps/metrics";
import { loadCriteriaScores, type CriteriaScores } from "./project-scores";

export type ProjectQuality = CriteriaScores & { ddxAccuracy: DdxAccuracyRow[]; referenceRecall: ReferenceRecallRow[]; steps: ModelStepSummary[]; arguments: ArgumentResults; corrections: CorrectionSummary[]; suggestions: SuggestionResults; trajectories: TrajectoryModelResult[]; citations: CitationModelResult[]; grounding: GroundingResults; regions: RegionResults; records: RecordResults; goldAccuracy: GoldAccuracyRow[] | null };

/**
 * Criteria scores and differential top-k accuracy for anyone who may read the project; gold
 * accuracy only for those who follow progress (managers; it names reviewers). (The batch filter applies to the criteria and
 * gold figures; differential accuracy covers the whole project.)
 */
export async function loadProjectQuality(actor: Actor, projectId: string, opts: { batchId?: string } = {}): Promise<ProjectQuality> {
  const seesGold = await holdsProjectPermission(actor, projectId, "batch:progress");
  const [scores, ddxAccuracy, referenceRecall, steps, argumentResults, corrections, suggestions, trajectories, citations, grounding, regions, records, goldAccuracy] = await Promise.all([
    loadCriteriaScores(actor, projectId, opts),
    loadDdxAccuracy(actor, projectId),
    loadReferenceRecall(actor, projectId),
    loadStepResults(actor, projectId),
    loadArgumentResults(actor, projectId),
    loadCorrectionResults(actor, projectId),
    loadSuggestionResults(actor, projectId),
    loadTrajectoryResults(actor, projectId),
    loadCitationResults(actor, projectId),
    loadGroundingResults(actor, projectId),
    loadRegionResults(actor, projectId),
    loadRecordResults(actor, projectId),
    seesGold ? loadGoldAccuracy(actor, projectId, opts) : Promise.resolve(null),
  ]);
  return { ...scores, ddxAccuracy, referenceRecall, steps, arguments: argumentResults, corrections, suggestions, trajectories, citations, grounding, regions, records, goldAccuracy };
}
