import { withDocumentDefaults } from "@/lib/annotations/schema";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { pagedRows } from "@/lib/export/paged-rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { agreementValue } from "@/lib/results/agreement-results";
import type { ResultAxis } from "@/lib/results/axis-results";
import { fetchPage, filterOptions, whereOf } from "@/lib/results/load-results";
import type { ResultsFilter } from "@/lib/results/results-filter";
import type { BootstrapOptions } from "@/lib/stats/bootstrap";
import type { RatingValue } from "@/lib/stats/reliability-data";
import { compareJudge, type JudgeTargetCalibration, type TargetSpec, type UnitInfo } from "./compare-judge";
import { loadJudgeAxes } from "./judge-axes";
import type { JudgeAxis } from "./resolve-judge-line";

// Judge calibration for the results page, route and CLI (issue 9; decision 015): every judge
// against the physicians' submitted ratings, per rubric axis and per case-criterion group (all
// criteria, and each `axis:*` tag). The physicians' side is the results page's own query with its
// filters (lib/results/load-results.ts); the judge's side takes the item filters (kind, specialty,
// language, gold, and the batch's items when a batch is chosen). A reviewer who rated a unit twice
// (a repeat) counts with the first rating, as in inter-rater agreement.

export type JudgeCalibration = {
  judges: string[];
  /** Judge values under the filters (compared or not). */
  judgeValues: number;
  targets: JudgeTargetCalibration[];
};

type JudgeRow = {
  judge: string; responseId: string; axisKey: string | null; criterionId: string | null; value: unknown; rationale: string | null;
  itemId: string; externalId: string; modelName: string; position: number | null; tags: string[] | null;
};

const PAGE = 1000;
const CRITERIA = "criteria";
const sep = "\u0000";

function itemWhere(filter: ResultsFilter, batchIds: string[] | null): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (filter.kind) parts.push(Prisma.sql`i.kind = ${filter.kind.toUpperCase()}::"ItemKind"`);
  if (filter.specialty) parts.push(Prisma.sql`i.specialty = ${filter.specialty}`);
  if (filter.language) parts.push(Prisma.sql`i.language = ${filter.language}`);
  if (filter.gold === "exclude") parts.push(Prisma.sql`NOT i."isGold"`);
  if (filter.gold === "only") parts.push(Prisma.sql`i."isGold"`);
  if (batchIds) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "BatchItem" b WHERE b."itemId" = i.id AND b."batchId" = ANY(${batchIds}::text[]))`);
  return Prisma.join(parts, " AND ");
}

const resultAxis = (a: JudgeAxis): ResultAxis => ({ key: a.key, label: a.label, type: a.type, appliesTo: a.appliesTo, options: a.options.map((o) => ({ value: o.value, label: o.label ?? o.value })), multiSelect: false, bestValue: null });

function axisSpec(a: JudgeAxis): TargetSpec {
  if (a.type === "SCALE") return { key: a.key, kind: "axis", label: a.label, type: "scale", categories: a.options.map((o) => ({ value: Number(o.value), label: `${o.value}${o.label ? ` ${o.label}` : ""}` })) };
  if (a.type === "BOOLEAN") return { key: a.key, kind: "axis", label: a.label, type: "boolean", categories: [{ value: true, label: "Yes" }, { value: false, label: "No" }] };
  return { key: a.key, kind: "axis", label: a.label, type: "choice", categories: a.options.map((o) => ({ value: o.value, label: o.label ?? o.value })) };
}

const criteriaSpec = (key: string, label: string): TargetSpec => ({ key, kind: "criteria", label, type: "boolean", categories: [{ value: true, label: "Met" }, { value: false, label: "Not met" }] });

/** Null when the project has no judge results at all (the page then shows no section). */
export async function loadJudgeCalibration(actor: Actor, projectId: string, filter: ResultsFilter, opts: BootstrapOptions = {}): Promise<JudgeCalibration | null> {
  const db = getDb();
  const allBatches = await findVisibleBatchIds(actor, projectId, "project:read");
  if (!(await db.judgeResult.findFirst({ where: { projectId }, select: { id: true } }))) return null;
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { pseudonymSalt: true } });
  const batchIds = filter.batch ? (await db.batch.findMany({ where: { id: { in: allBatches }, name: filter.batch }, select: { id: true } })).map((b) => b.id) : allBatches;
  if (filter.batch && !batchIds.length) throw new NotFoundError(`Batch "${filter.batch}" not found.`);
  const { reviewerIds } = await filterOptions(db, projectId, allBatches, project.pseudonymSalt);
  const reviewerId = filter.reviewer === undefined ? undefined : (reviewerIds.get(filter.reviewer) ?? null);
  const axes = await loadJudgeAxes(db, projectId);

  const rows = await db.$queryRaw<JudgeRow[]>`
    SELECT j.judge, j."responseId", j."axisKey", j."criterionId", j.value, j.rationale, j."itemId", i."externalId", r."modelName", c.position, c.tags
    FROM "JudgeResult" j
    JOIN "Item" i ON i.id = j."itemId"
    JOIN "Response" r ON r.id = j."responseId"
    LEFT JOIN "Criterion" c ON c.id = j."criterionId"
    WHERE j."projectId" = ${projectId} AND ${itemWhere(filter, filter.batch ? batchIds : null)}
    ORDER BY j.judge, i."externalId", r.label, c.position`;

  // The judges' values by judge → target → unit; what each unit is, for the disagreement list.
  const judged = new Map<string, Map<string, Map<string, { value: RatingValue; rationale: string | null }>>>();
  const info = new Map<string, UnitInfo>();
  const criterionTags = new Map<string, string[]>();
  const judgedAxes = new Set<string>();
  const judgedCriteria = new Set<string>();
  const put = (judge: string, target: string, unit: string, value: RatingValue, rationale: string | null) => {
    const byTarget = judged.get(judge) ?? judged.set(judge, new Map()).get(judge)!;
    (byTarget.get(target) ?? byTarget.set(target, new Map()).get(target)!).set(unit, { value, rationale });
  };
  for (const row of rows) {
    if (row.axisKey !== null) {
      const axis = axes.get(row.axisKey);
      const value = axis ? agreementValue(resultAxis(axis), row.value) : null;
      if (value === null) continue; // an axis the rubric no longer has, or a value it no longer reads
      judgedAxes.add(row.axisKey);
      put(row.judge, row.axisKey, row.responseId, value, row.rationale);
      info.set(row.responseId, { itemId: row.itemId, externalId: row.externalId, model: row.modelName, criterion: null });
    } else if (row.criterionId !== null && typeof row.value === "boolean") {
      const unit = `${row.responseId}${sep}${row.criterionId}`;
      judgedCriteria.add(row.criterionId);
      criterionTags.set(row.criterionId, (row.tags ?? []).filter((t) => t.startsWith("axis:")));
      put(row.judge, CRITERIA, unit, row.value, row.rationale);
      info.set(unit, { itemId: row.itemId, externalId: row.externalId, model: row.modelName, criterion: (row.position ?? 0) + 1 });
    }
  }

  // The physicians' values on the judged targets: target → unit → reviewer → value (first occasion).
  const physicians = new Map<string, Map<string, Map<string, RatingValue>>>();
  const record = (target: string, unit: string, rater: string, value: RatingValue) => {
    const byUnit = physicians.get(target) ?? physicians.set(target, new Map()).get(target)!;
    const byRater = byUnit.get(unit) ?? byUnit.set(unit, new Map()).get(unit)!;
    if (!byRater.has(rater)) byRater.set(rater, value);
  };
  if (rows.length) {
    const where = whereOf(batchIds, filter, reviewerId);
    const resultAxes = new Map([...judgedAxes].map((k) => [k, resultAxis(axes.get(k)!)]));
    for await (const row of pagedRows((after) => fetchPage(db, where, after), PAGE)) {
      const data = withDocumentDefaults(row.data);
      for (const [responseId, block] of Object.entries(data.responses)) {
        for (const [key, axis] of resultAxes) {
          const value = agreementValue(axis, block.ratings?.[key]);
          if (value !== null) record(key, responseId, row.reviewerId, value);
        }
        for (const [criterionId, mark] of Object.entries(block.criteria ?? {})) {
          if (judgedCriteria.has(criterionId) && typeof mark?.met === "boolean") record(CRITERIA, `${responseId}${sep}${criterionId}`, row.reviewerId, mark.met);
        }
      }
    }
  }

  const targets: JudgeTargetCalibration[] = [];
  const judges = [...judged.keys()].sort((a, b) => a.localeCompare(b));
  const tags = [...new Set([...criterionTags.values()].flat())].sort();
  for (const judge of judges) {
    const byTarget = judged.get(judge)!;
    for (const [key, axis] of axes) {
      const values = byTarget.get(key);
      if (values) targets.push(compareJudge(judge, axisSpec(axis), values, physicians.get(key), info, opts));
    }
    const criteria = byTarget.get(CRITERIA);
    if (!criteria) continue;
    targets.push(compareJudge(judge, criteriaSpec(CRITERIA, "All case criteria"), criteria, physicians.get(CRITERIA), info, opts));
    for (const tag of tags) {
      const tagged = new Map([...criteria].filter(([unit]) => criterionTags.get(unit.split(sep)[1])?.includes(tag)));
      if (tagged.size) targets.push(compareJudge(judge, criteriaSpec(`${CRITERIA} ${tag}`, `Criteria tagged ${tag}`), tagged, physicians.get(CRITERIA), info, opts));
    }
  }
  return { judges, judgeValues: rows.length, targets };
}
