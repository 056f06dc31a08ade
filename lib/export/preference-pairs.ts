import { compareByDominance, type DominanceAxis } from "./dominance";
import type { ExportRecord, ExportResponseRecord, ResponseRef } from "./record-schema";
import { promptTextOf, responseTextOf } from "./record-texts";
import { bestWorstPairs } from "@/lib/tools/ranking/tiers";

/**
 * One preference pair (README "Preference pairs", decision 016): the prompt, the preferred and the
 * other response's texts, and where the preference comes from. `source` "pairwise": a reviewer's
 * pairwise judgment on one axis after its polarity (ties are not pairs), margin = the reviewer's
 * strength (1–3) or null. `source` "rubric_dominance": the reviewer's rubric ratings put one response
 * at least as close to the best bin on every axis both were rated on and closer on at least one
 * (lib/export/dominance.ts); axis null, `axes` the axes where it is closer, margin their count.
 * `source` "ranking": two responses in different tiers of a reviewer's ranking on one axis, after its
 * polarity (ties are not pairs), margin = how many tiers apart (decision 029). `source` "correction":
 * a reviewer's corrected answer (chosen) over the model's own (rejected), margin = the word edit
 * distance; the chosen side names the same response, with chosenModel "reviewer_correction" (decision 030).
 */
export type PreferencePair = {
  prompt: string;
  chosen: string;
  rejected: string;
  axis: string | null;
  margin: number | null;
  reviewer: string;
  source: "pairwise" | "ranking" | "best_worst" | "correction" | "rubric_dominance";
  axes: string[];
  project: string;
  batch: string;
  annotationId: string;
  itemId: string;
  externalId: string;
  chosenResponseId: string;
  chosenModel: string;
  rejectedResponseId: string;
  rejectedModel: string;
};

export function preferencePairsOf(record: ExportRecord, axes: readonly DominanceAxis[]): PreferencePair[] {
  if (record.status !== "submitted") return [];
  const prompt = promptTextOf(record);
  const byId = new Map(record.responses.map((r) => [r.responseId, r]));
  const pair = (chosen: ResponseRef, rejected: ResponseRef, fields: Pick<PreferencePair, "axis" | "margin" | "source" | "axes">): PreferencePair[] => {
    const c = byId.get(chosen.responseId);
    const r = byId.get(rejected.responseId);
    if (!c || !r) return [];
    return [{
      prompt, chosen: responseTextOf(c), rejected: responseTextOf(r), ...fields, reviewer: record.reviewer,
      project: record.project, batch: record.batch, annotationId: record.annotationId, itemId: record.itemId, externalId: record.externalId,
      chosenResponseId: c.responseId, chosenModel: c.modelName, rejectedResponseId: r.responseId, rejectedModel: r.modelName,
    }];
  };
  const pairs: PreferencePair[] = [];
  for (const p of record.pairwise ?? []) {
    if (p.better === "tie") continue;
    const rejected = p.better.responseId === p.shownA.responseId ? p.shownB : p.shownA;
    pairs.push(...pair(p.better, rejected, { axis: p.axis, margin: p.strength ?? null, source: "pairwise", axes: [p.axis] }));
  }
  for (const ranking of record.rankings ?? []) {
    ranking.tiers.forEach((tier, t) => {
      for (const [u, later] of ranking.tiers.slice(t + 1).entries()) {
        for (const first of tier) {
          for (const second of later) {
            const [chosen, rejected] = ranking.polarity === "HIGHER_IS_BETTER" ? [first, second] : [second, first];
            pairs.push(...pair(chosen, rejected, { axis: ranking.axis, margin: u + 1, source: "ranking", axes: [ranking.axis] }));
          }
        }
      }
    });
  }
  // Best–worst: the best over each other response shown, each other over the worst (decision 032).
  for (const b of record.bestWorst ?? []) {
    const byResponse = new Map(b.shown.map((ref) => [ref.responseId, ref]));
    for (const { first, second } of bestWorstPairs(b.best.responseId, b.worst.responseId, b.shown.map((ref) => ref.responseId))) {
      pairs.push(...pair(byResponse.get(first)!, byResponse.get(second)!, { axis: b.axis, margin: null, source: "best_worst", axes: [b.axis] }));
    }
  }
  for (const r of record.responses) {
    if (!r.correction || r.correction.editDistance === 0) continue;
    pairs.push({
      prompt, chosen: r.correction.content, rejected: responseTextOf(r), axis: null, margin: r.correction.editDistance, reviewer: record.reviewer, source: "correction", axes: [],
      project: record.project, batch: record.batch, annotationId: record.annotationId, itemId: record.itemId, externalId: record.externalId,
      chosenResponseId: r.responseId, chosenModel: "reviewer_correction", rejectedResponseId: r.responseId, rejectedModel: r.modelName,
    });
  }
  // Every two responses once, in import order (A–B, A–C, B–C).
  const responses: ExportResponseRecord[] = record.responses;
  for (let i = 0; i < responses.length; i++) {
    for (let j = i + 1; j < responses.length; j++) {
      const d = compareByDominance(axes, responses[i].ratings, responses[j].ratings);
      if (!d.winner) continue;
      const [winner, loser] = d.winner === "first" ? [responses[i], responses[j]] : [responses[j], responses[i]];
      pairs.push(...pair(winner, loser, { axis: null, margin: d.strictlyBetter.length, source: "rubric_dominance", axes: d.strictlyBetter }));
    }
  }
  return pairs;
}
