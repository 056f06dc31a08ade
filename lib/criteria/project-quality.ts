import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { loadGoldAccuracy, type GoldAccuracyRow } from "@/lib/gold/gold-accuracy";
import { loadCriteriaScores, type CriteriaScores } from "./project-scores";

export type ProjectQuality = CriteriaScores & { goldAccuracy: GoldAccuracyRow[] | null };

/** Criteria scores for anyone who may read the project; gold accuracy only for admins (it names reviewers). */
export async function loadProjectQuality(actor: Actor, projectId: string, opts: { batchId?: string } = {}): Promise<ProjectQuality> {
  const [scores, goldAccuracy] = await Promise.all([
    loadCriteriaScores(actor, projectId, opts),
    hasPermission(actor.role, "batch:progress") ? loadGoldAccuracy(actor, projectId, opts) : Promise.resolve(null),
  ]);
  return { ...scores, goldAccuracy };
}
