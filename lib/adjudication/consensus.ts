import { randomUUID } from "node:crypto";
import { z } from "zod";
import { buildItem, markdownFor, toReviewAxes, type ReviewAxis, type ReviewItem } from "@/lib/assignments/load-for-review";
import { annotationDataSchema, emptyAnnotationData, readAnnotationData, type AnnotationData, type RatingValue } from "@/lib/annotations/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { allows, NotFoundError, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { responseLabel } from "@/lib/items/schema";
import { requireProjectPermission } from "@/lib/projects/access";
import { disagreementRules, readProjectSettings } from "@/lib/projects/settings";
import { itemDisagreements, mergeAnswers, type Disagreement } from "./disagreement";
import { answersOf, loadSubmittedReviews, ruleAxesOf } from "./queue";

// Consensus (issue 10, "Adjudication"): an adjudicator sees an item with every reviewer's submitted
// answers side by side — named for the project's managers, "Reviewer 1…n" for adjudicators — and
// records one consensus annotation (Annotation.kind CONSENSUS, no assignment), starting from one
// reviewer's answers or from a merge. Versioned like reviews: a save names the version it started
// from, a newer one is a conflict (shown, never overwritten), and every save adds a revision.

export type AdjudicationReviewer = { label: string; answers: ReturnType<typeof answersOf>; overallComment: string };

export type AdjudicationView = {
  itemId: string;
  externalId: string;
  item: ReviewItem;
  /** Model names only when the project is not blinded. */
  responses: Array<{ id: string; label: string; modelName: string | null; contentHtml: string }>;
  axes: ReviewAxis[];
  criteria: Array<{ id: string; responseIds: string[]; text: string; points: number }>;
  reviewers: AdjudicationReviewer[];
  disagreements: Disagreement[];
  /** Disagreements outside the rubric (step verdicts, argument structure), in words, for reading; the consensus records ratings. */
  toolDisagreements: Array<{ what: string; answers: string[] }>;
  /** The per-axis merge (median of scales, most frequent other answers): a starting point. */
  merged: AnnotationData;
  consensus: { data: AnnotationData; version: number; decided: boolean; by: string } | null;
  namesShown: boolean;
};

export async function loadAdjudication(actor: Actor, projectId: string, itemId: string): Promise<AdjudicationView> {
  const access = await requireProjectPermission(actor, projectId, "item:adjudicate");
  const db = getDb();
  const item = await db.item.findFirst({ where: { id: itemId, projectId }, include: { responses: { orderBy: { position: "asc" } }, criteria: { orderBy: { position: "asc" } }, project: true } });
  if (!item) throw new NotFoundError("Item not found.");
  const settings = readProjectSettings(item.project.settings);
  const md = markdownFor(settings);
  const namesShown = allows(access, "reviewer:identify");
  const [view, responses, rubric, reviews, ruleAxes, existing] = await Promise.all([
    buildItem(md, item.id, item.kind, item.input, item.reference, settings),
    Promise.all(item.responses.map(async (r, i) => ({ id: r.id, label: responseLabel(i), modelName: item.project.blinded ? null : r.modelName, contentHtml: await md(r.content) }))),
    db.rubric.findFirst({ where: { projectId }, orderBy: { version: "desc" }, include: { axes: { orderBy: { position: "asc" } } } }),
    loadSubmittedReviews(projectId, { itemIds: [item.id] }),
    ruleAxesOf(projectId),
    db.annotation.findFirst({ where: { itemId: item.id, kind: "CONSENSUS" }, include: { author: { select: { name: true } } } }),
  ]);
  if (!reviews.length) throw new NotFoundError("This item has fewer than two submitted reviews: there is nothing to adjudicate.");
  const reviewerNames = namesShown ? new Map((await db.user.findMany({ where: { id: { in: reviews.map((r) => r.reviewerId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name])) : new Map<string, string>();
  const responseIds = item.responses.map((r) => r.id);
  const reviewers = reviews.map((r, i) => ({ label: reviewerNames.get(r.reviewerId) ?? `Reviewer ${i + 1}`, answers: answersOf(r.data, r.responseOrder, responseIds), overallComment: readAnnotationData(r.data).overallComment }));
  const axes = toReviewAxes(rubric?.axes ?? [], item);
  const rules = disagreementRules(settings);
  const disagreements = itemDisagreements(ruleAxes, responseIds, reviewers.map((r) => r.answers), rules.scaleRange, rules.tools);
  return {
    itemId: item.id,
    externalId: item.externalId,
    item: view,
    responses,
    axes,
    criteria: item.criteria.map((c) => ({ id: c.id, responseIds, text: c.text, points: c.points })),
    reviewers,
    disagreements,
    toolDisagreements: toolDisagreementsOf(disagreements, new Map(responses.map((r) => [r.id, r.label]))),
    merged: mergedDocument(axes, responseIds, reviewers.map((r) => r.answers)),
    consensus: existing ? { data: readAnnotationData(existing.data), version: existing.version, decided: existing.submittedAt !== null, by: namesShown ? existing.author.name : "an adjudicator" } : null,
    namesShown,
  };
}

/** Step and argument disagreements in words, one answer per reviewer (in the reviewers' order). */
function toolDisagreementsOf(found: Disagreement[], labelOf: Map<string, string>): Array<{ what: string; answers: string[] }> {
  // Target keys (lib/tools/arguments/targets.ts) in words: "response.<id>.reasoning" → "Response A's reasoning".
  const responseName = (key: string) => {
    const [scope, id, part] = key.split(".");
    if (scope === "response") return `Response ${labelOf.get(id) ?? "?"}'s ${part === "reasoning" ? "reasoning" : "answer"}`;
    return scope === "reference" ? "the reference explanation" : `the item's ${id}`;
  };
  return found.flatMap((d) => {
    if (d.target === "step") {
      const index = Number(d.axis.split(":")[1]);
      return [{ what: `Response ${labelOf.get(d.responseId!) ?? "?"} · step ${index + 1} verdict`, answers: d.values.map((v) => (v === undefined ? "—" : String(v))) }];
    }
    if (d.target === "argument") {
      const count = (v: unknown) => {
        if (typeof v !== "string") return "—";
        const [spans, relations] = v.split("|").map((part) => (part ? part.split(" ").length : 0));
        return `${spans} span(s), ${relations} relation(s)`;
      };
      return [{ what: `Argument structure · ${responseName(d.axis)}`, answers: d.values.map(count) }];
    }
    return [];
  });
}

function mergedDocument(axes: ReviewAxis[], responseIds: string[], answers: Array<ReturnType<typeof answersOf>>): AnnotationData {
  const doc = emptyAnnotationData();
  const set = (target: Record<string, unknown>, key: string, value: unknown) => {
    if (value !== undefined) target[key] = value;
  };
  for (const axis of axes) {
    if (axis.appliesTo === "RESPONSE") {
      for (const id of responseIds) {
        doc.responses[id] ??= { ratings: {}, comments: {} };
        set(doc.responses[id].ratings, axis.key, mergeAnswers(answers.map((a) => a.responses[id]?.[axis.key]), axis.type));
      }
    } else if (axis.appliesTo === "ITEM") set(doc.item.ratings, axis.key, mergeAnswers(answers.map((a) => a.item[axis.key]), axis.type));
    else if (axis.appliesTo === "PAIR") {
      // Every pair by its responses in import order (the consensus's own order): the first two in `pair`, others in `morePairs`.
      const keys = new Set(answers.flatMap((a) => Object.keys(a.pairs ?? {})));
      if (!keys.size) set(doc.pair.ratings, axis.key, mergeAnswers(answers.map((a) => a.pair[axis.key]), "CHOICE"));
      for (const key of keys) {
        const merged = mergeAnswers(answers.map((a) => a.pairs?.[key]?.[axis.key]), "CHOICE");
        if (key === `${responseIds[0]}~${responseIds[1]}`) set(doc.pair.ratings, axis.key, merged);
        else if (merged !== undefined) {
          doc.morePairs ??= {};
          doc.morePairs[key] ??= { ratings: {}, comments: {}, strength: {} };
          doc.morePairs[key].ratings[axis.key] = merged as RatingValue;
        }
      }
    } else if (axis.appliesTo === "TURN") {
      for (const id of responseIds) {
        for (const position of new Set(answers.flatMap((a) => Object.keys(a.turns?.[id] ?? {})))) {
          const merged = mergeAnswers(answers.map((a) => a.turns?.[id]?.[position]?.[axis.key]), axis.type);
          if (merged === undefined) continue;
          doc.turns ??= {};
          doc.turns[id] ??= {};
          doc.turns[id][position] ??= { ratings: {}, comments: {} };
          doc.turns[id][position].ratings[axis.key] = merged as RatingValue;
        }
      }
    }
  }
  for (const id of responseIds) {
    const criterionIds = new Set(answers.flatMap((a) => Object.keys(a.criteria[id] ?? {})));
    for (const c of criterionIds) {
      const met = mergeAnswers(answers.map((a) => a.criteria[id]?.[c]), "BOOLEAN");
      if (typeof met === "boolean") {
        doc.responses[id] ??= { ratings: {}, comments: {} };
        doc.responses[id].criteria = { ...(doc.responses[id].criteria ?? {}), [c]: { met } };
      }
    }
  }
  return doc as AnnotationData;
}

export const saveConsensusSchema = z.object({
  baseVersion: z.int().min(0),
  data: annotationDataSchema,
  /** Decided: the consensus counts (exports, results); otherwise a draft the adjudicator returns to. */
  decide: z.boolean().default(false),
  /** Where it started, for the record: a reviewer's answers (by their position), the merge, or an earlier consensus. */
  basis: z.enum(["merge", "reviewer", "previous"]).default("merge"),
});

export type SaveConsensusResult = { status: "saved"; version: number; decided: boolean } | { status: "conflict"; version: number; data: AnnotationData };

export async function saveConsensus(actor: Actor, projectId: string, itemId: string, input: z.input<typeof saveConsensusSchema>): Promise<SaveConsensusResult> {
  await requireProjectPermission(actor, projectId, "item:adjudicate");
  const { baseVersion, data, decide, basis } = saveConsensusSchema.parse(input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    // The item row orders concurrent adjudicators: one consensus per item, versions in sequence.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Item" WHERE id = ${itemId} AND "projectId" = ${projectId} FOR UPDATE`;
    if (!locked.length) throw new NotFoundError("Item not found.");
    const existing = await tx.annotation.findFirst({ where: { itemId, kind: "CONSENSUS" } });
    const current = existing?.version ?? 0;
    if (current !== baseVersion) return { status: "conflict" as const, version: current, data: readAnnotationData(existing?.data) };
    const version = current + 1;
    const now = new Date();
    const annotation = existing
      ? await tx.annotation.update({ where: { id: existing.id }, data: { data, version, authorId: actor.id, submittedAt: decide ? now : null } })
      : await tx.annotation.create({ data: { kind: "CONSENSUS", itemId, authorId: actor.id, data, version, submittedAt: decide ? now : null } });
    await tx.annotationRevision.create({ data: { annotationId: annotation.id, version, authorId: actor.id, data, clientMutationId: randomUUID(), isSubmit: decide } });
    await recordAudit({ actorId: actor.id, action: "annotation.consensus", entityType: "Annotation", entityId: annotation.id, projectId, data: { itemId, version, decided: decide, basis } }, tx);
    return { status: "saved" as const, version, decided: decide };
  });
}
