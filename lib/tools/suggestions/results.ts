import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { readProjectSettings } from "@/lib/projects/settings";
import { AgreementCollector } from "@/lib/results/agreement-collector";
import { agreementOfCollected, agreementValue } from "@/lib/results/agreement-results";
import type { ResultAxis } from "@/lib/results/axis-results";
import { wilsonInterval, type Proportion } from "../steps/metrics";
import { sameValue } from "./targets";

// Agreement with and without suggestions (decision 034). Every reviewer value of a suggestible
// target falls in one condition: pre-filled (the final value of a pre-filled suggestion), own (the
// reviewer's answer before an after-rating suggestion appeared), after (their final answer once it
// had), or none (no suggestion shown: suggestions off, a study arm's unassisted phase, a batch from
// before). Per condition: how often the value equals the judge's, and inter-rater agreement over the
// same units (a response on an axis; a response's criterion). Reads the export's records.

export const SUGGESTION_CONDITIONS = ["none", "own", "after", "prefilled"] as const;
export type SuggestionCondition = (typeof SUGGESTION_CONDITIONS)[number];

export type SuggestionConditionResult = {
  condition: SuggestionCondition;
  values: number;
  /** Values equal to the judge's value for the same target (where the judge gave one). */
  matchesJudge: Proportion;
  /** Inter-rater agreement among reviewers in this condition. */
  alpha: number | null;
  percentAgreement: number | null;
};

export type SuggestionAxisResult = {
  key: string;
  label: string;
  conditions: SuggestionConditionResult[];
  /** Pre-filled suggestions kept / changed. */
  accepted: number;
  changed: number;
  /** After-rating suggestions that differed from the reviewer's own answer, and how many of those the reviewer then took. */
  ownDiffered: number;
  revisedToSuggestion: number;
};

export type SuggestionResults = { axes: SuggestionAxisResult[] };

const CRITERIA: ResultAxis = { key: "criteria", label: "Case criteria (met / not met)", type: "BOOLEAN", appliesTo: "RESPONSE", options: [], multiSelect: false, bestValue: null };

type Tally = { values: number; matches: number; judged: number };

export async function loadSuggestionResults(actor: Actor, projectId: string): Promise<SuggestionResults> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  const db = getDb();
  const [project, axisRows, shownSome] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } }),
    db.rubricAxis.findMany({ where: { rubric: { projectId }, appliesTo: "RESPONSE" }, orderBy: [{ rubric: { version: "asc" } }, { position: "asc" }] }),
    db.$queryRaw<unknown[]>`SELECT 1 FROM "Annotation" a JOIN "Item" i ON i.id = a."itemId" WHERE i."projectId" = ${projectId} AND jsonb_exists(a.data, 'suggestions') LIMIT 1`,
  ]);
  const judge = readProjectSettings(project.settings).suggestions?.judge || null;
  if (!shownSome.length && !judge) return { axes: [] };
  const axes = new Map<string, ResultAxis>();
  for (const a of axisRows) {
    if (a.type === "TEXT" || (a.type === "CHOICE" && (a.max ?? 1) > 1)) continue;
    axes.set(a.key, { key: a.key, label: a.label, type: a.type, appliesTo: "RESPONSE", options: (a.options as Array<{ value: string; label: string }> | null) ?? [], multiSelect: false, bestValue: a.bestValue });
  }
  axes.set(CRITERIA.key, CRITERIA);
  // The judge's values, for values given without a suggestion (a suggestion carries its own).
  const judged = new Map<string, unknown>();
  if (judge) {
    for (const r of await db.judgeResult.findMany({ where: { projectId, judge }, select: { responseId: true, axisKey: true, criterionId: true, value: true } })) {
      judged.set(r.axisKey !== null ? `${r.responseId}\u0000axis:${r.axisKey}` : `${r.responseId}\u0000criterion:${r.criterionId}`, r.value);
    }
  }
  const collectors = new Map(SUGGESTION_CONDITIONS.map((c) => [c, new AgreementCollector()]));
  const tallies = new Map<string, Tally>();
  const counts = new Map<string, { accepted: number; changed: number; ownDiffered: number; revisedToSuggestion: number }>();
  const countOf = (axis: string) => counts.get(axis) ?? counts.set(axis, { accepted: 0, changed: 0, ownDiffered: 0, revisedToSuggestion: 0 }).get(axis)!;
  const observe = (condition: SuggestionCondition, axis: ResultAxis, unit: string, reviewer: string, value: unknown, suggestion: unknown) => {
    if (value === null || value === undefined) return;
    const key = `${axis.key}\u0000${condition}`;
    const t = tallies.get(key) ?? tallies.set(key, { values: 0, matches: 0, judged: 0 }).get(key)!;
    t.values++;
    if (suggestion !== undefined) {
      t.judged++;
      if (sameValue(value, suggestion)) t.matches++;
    }
    const comparable = agreementValue(axis, value);
    const collector = collectors.get(condition)!;
    if (comparable !== null) collector.add(axis.key, collector.unit(unit), collector.rater(reviewer), comparable);
  };

  for await (const record of streamAnnotationRecords({ projectId })) {
    if (record.status !== "submitted") continue;
    for (const r of record.responses) {
      const shown = new Set<string>();
      for (const s of r.suggestions ?? []) {
        const axis = s.target === "criterion" ? CRITERIA : axes.get(s.axis ?? "");
        if (!axis) continue;
        const target = s.target === "criterion" ? `criterion:${s.criterionId}` : `axis:${s.axis}`;
        shown.add(target);
        const unit = s.target === "criterion" ? `${r.responseId}:${s.criterionId}` : r.responseId;
        if (s.mode === "prefilled") {
          observe("prefilled", axis, unit, record.reviewer, s.final, s.suggested);
          countOf(axis.key)[s.outcome === "accepted" ? "accepted" : "changed"]++;
        } else {
          observe("own", axis, unit, record.reviewer, s.own, s.suggested);
          observe("after", axis, unit, record.reviewer, s.final, s.suggested);
          if (!sameValue(s.own, s.suggested)) {
            countOf(axis.key).ownDiffered++;
            if (sameValue(s.final, s.suggested)) countOf(axis.key).revisedToSuggestion++;
          }
        }
      }
      for (const [key, value] of Object.entries(r.ratings)) {
        const axis = axes.get(key);
        if (axis && !shown.has(`axis:${key}`)) observe("none", axis, r.responseId, record.reviewer, value, judged.get(`${r.responseId}\u0000axis:${key}`));
      }
      for (const c of r.criteria ?? []) {
        if (!shown.has(`criterion:${c.criterionId}`)) observe("none", CRITERIA, `${r.responseId}:${c.criterionId}`, record.reviewer, c.met, judged.get(`${r.responseId}\u0000criterion:${c.criterionId}`));
      }
    }
  }

  const agreement = new Map(SUGGESTION_CONDITIONS.map((c) => [c, new Map(agreementOfCollected([...axes.values()], collectors.get(c)!, { resamples: 0 }).map((a) => [a.axis, a]))]));
  const coefficient = (condition: SuggestionCondition, axis: string, key: string) => agreement.get(condition)?.get(axis)?.inter?.coefficients.find((c) => c.key === key)?.value ?? null;
  return {
    axes: [...axes.values()]
      .filter((axis) => counts.has(axis.key))
      .map((axis) => ({
        key: axis.key,
        label: axis.label,
        ...countOf(axis.key),
        conditions: SUGGESTION_CONDITIONS.filter((c) => tallies.has(`${axis.key}\u0000${c}`)).map((condition) => {
          const t = tallies.get(`${axis.key}\u0000${condition}`)!;
          return { condition, values: t.values, matchesJudge: wilsonInterval(t.matches, t.judged), alpha: coefficient(condition, axis.key, "krippendorff_alpha"), percentAgreement: coefficient(condition, axis.key, "percent_agreement") };
        }),
      })),
  };
}
