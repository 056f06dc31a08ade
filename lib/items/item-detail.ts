import { buildItem, markdownFor, type ReviewItem } from "@/lib/assignments/load-for-review";
import { readAnnotationData, type AnnotationData } from "@/lib/annotations/schema";
import { splitPairKey } from "@/lib/tools/pairwise/pairs";
import { sameValue, valueAt } from "@/lib/tools/suggestions/targets";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/projects/access";
import { getDb } from "@/lib/db/client";
import { readProjectSettings } from "@/lib/projects/settings";
import { responseLabel } from "@/lib/items/schema";

// One item for the data manager (issue 10, "Item browser"): the case as reviewers see it (the review
// page's own renderer: lib/assignments/load-for-review.ts buildItem), every response with its model
// name (shown or hidden by the page), and every reviewer's annotation side by side: ratings per
// response and axis, item and pairwise answers, comments, status, skip reason. Names are shown: the
// page is for admins ("item:browse"), who manage the reviewers anyway.

export type DetailAxis = { key: string; label: string; appliesTo: "RESPONSE" | "ITEM" | "PAIR" | "RANKING" | "BEST_WORST" | "TURN"; options: Array<{ value: string; label: string }> };

export type DetailAnnotation = {
  assignmentId: string;
  reviewer: { name: string; email: string };
  batch: string;
  status: string;
  submittedAt: string | null;
  skipReason: string | null;
  /** responseId → axis → value, as stored (option values; see `axes` for labels). */
  responses: Record<string, Record<string, unknown>>;
  item: Record<string, unknown>;
  /** Pairwise: axis → the chosen response's label (A, B…) or "tie". */
  pair: Record<string, string>;
  /** Ranking and best–worst axes: axis → "C, B = D, A" (import labels, first first) or "best C, worst A". */
  orderings: Record<string, string>;
  /** Corrections: responseId → the corrected answer. */
  corrections: Record<string, string>;
  /** Per-turn ratings (decision 033): responseId → axis → turn position (from 1) → value as stored. */
  turns: Record<string, Record<string, Array<{ turn: number; value: unknown }>>>;
  /** Suggestions (decision 034): how this reviewer treated the ones shown, e.g. "pre-filled: 3 kept, 1 changed". */
  suggestions: string | null;
  comments: string[];
  overallComment: string;
};

export type ItemDetail = {
  id: string;
  externalId: string;
  kind: string;
  isGold: boolean;
  item: ReviewItem;
  responses: Array<{ id: string; label: string; modelName: string; contentHtml: string; reasoningHtml: string | null }>;
  axes: DetailAxis[];
  annotations: DetailAnnotation[];
};

export async function loadItemDetail(actor: Actor, projectId: string, itemId: string): Promise<ItemDetail> {
  await requireProjectPermission(actor, projectId, "item:browse");
  const db = getDb();
  const item = await db.item.findFirst({ where: { id: itemId, projectId }, include: { responses: { orderBy: { position: "asc" } }, project: true } });
  if (!item) throw new NotFoundError("Item not found.");
  const settings = readProjectSettings(item.project.settings);
  const md = markdownFor(settings);
  const [view, responses, rubric, assignments] = await Promise.all([
    buildItem(md, item.id, item.kind, item.input, item.reference, settings),
    Promise.all(item.responses.map(async (r, i) => ({ id: r.id, label: responseLabel(i), modelName: r.modelName, contentHtml: await md(r.content), reasoningHtml: r.reasoning ? await md(r.reasoning) : null }))),
    db.rubric.findFirst({ where: { projectId }, orderBy: { version: "desc" }, include: { axes: { orderBy: { position: "asc" } } } }),
    db.assignment.findMany({
      where: { itemId: item.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { reviewer: { select: { name: true, email: true } }, batch: { select: { name: true } }, annotation: { select: { data: true } } },
    }),
  ]);
  const labelOf = new Map(responses.map((r) => [r.id, r.label]));
  return {
    id: item.id,
    externalId: item.externalId,
    kind: item.kind.toLowerCase(),
    isGold: item.isGold,
    item: view,
    responses,
    axes: (rubric?.axes ?? []).map((a) => ({ key: a.key, label: a.label, appliesTo: a.appliesTo, options: Array.isArray(a.options) ? (a.options as DetailAxis["options"]) : [] })),
    annotations: assignments.map((a) => {
      const data = readAnnotationData(a.annotation?.data);
      const comments = [
        ...Object.entries(data.responses).flatMap(([id, block]) => Object.entries(block.comments ?? {}).filter(([, c]) => c).map(([axis, c]) => `${labelOf.get(id) ?? "?"} · ${axis}: ${c}`)),
        ...Object.entries(data.item.comments).filter(([, c]) => c).map(([axis, c]) => `item · ${axis}: ${c}`),
      ];
      return {
        assignmentId: a.id,
        reviewer: a.reviewer,
        batch: a.batch.name,
        status: a.status.toLowerCase().replace("_", " "),
        submittedAt: a.submittedAt?.toISOString() ?? null,
        skipReason: a.skipReason,
        responses: Object.fromEntries(Object.entries(data.responses).map(([id, block]) => [id, block.ratings ?? {}])),
        item: data.item.ratings,
        pair: pairSummaries(data, labelOf),
        orderings: {
          ...Object.fromEntries(Object.entries(data.ranking?.tiers ?? {}).map(([axis, tiers]) => [axis, tiers.map((t) => t.map((id) => labelOf.get(id) ?? "?").join(" = ")).join(", ")])),
          ...Object.fromEntries(Object.entries(data.ranking?.bestWorst ?? {}).map(([axis, pick]) => [axis, `best ${pick.best ? (labelOf.get(pick.best) ?? "?") : "—"}, worst ${pick.worst ? (labelOf.get(pick.worst) ?? "?") : "—"}`])),
        },
        corrections: Object.fromEntries(Object.entries(data.corrections ?? {}).map(([id, c]) => [id, c.content])),
        turns: turnValues(data),
        suggestions: suggestionSummary(data),
        comments,
        overallComment: data.overallComment,
      };
    }),
  };
}

/**
 * Pairwise answers per axis: the chosen response's label (or "tie") for the one pair; with every pair
 * of several responses compared (decision 035), "A vs B: A; A vs C: tie; …" in the reviewer's order.
 */
function pairSummaries(data: AnnotationData, labelOf: Map<string, string>): Record<string, string> {
  const chosenLabel = (chosen: unknown) => (chosen === "tie" ? "tie" : (labelOf.get(String(chosen)) ?? "?"));
  const more = Object.entries(data.morePairs ?? {});
  const axes = new Set([...Object.keys(data.pair.ratings), ...more.flatMap(([, b]) => Object.keys(b.ratings))]);
  return Object.fromEntries(
    [...axes].map((axis) => {
      if (!more.length) return [axis, chosenLabel(data.pair.ratings[axis])];
      const first = data.pair.ratings[axis];
      const parts = more.map(([key, block]) => {
        const [l, r] = splitPairKey(key) ?? ["?", "?"];
        return `${labelOf.get(l) ?? "?"} vs ${labelOf.get(r) ?? "?"}: ${block.ratings[axis] === undefined ? "—" : chosenLabel(block.ratings[axis])}`;
      });
      return [axis, [`first pair: ${first === undefined ? "—" : chosenLabel(first)}`, ...parts].join("; ")];
    }),
  );
}

function turnValues(data: AnnotationData): DetailAnnotation["turns"] {
  const out: DetailAnnotation["turns"] = {};
  for (const [responseId, byTurn] of Object.entries(data.turns ?? {})) {
    for (const [position, block] of Object.entries(byTurn).sort(([a], [b]) => Number(a) - Number(b))) {
      for (const [axis, value] of Object.entries(block.ratings)) ((out[responseId] ??= {})[axis] ??= []).push({ turn: Number(position) + 1, value });
    }
  }
  return out;
}

function suggestionSummary(data: AnnotationData): string | null {
  let kept = 0, changed = 0, own = 0, took = 0;
  for (const [responseId, block] of Object.entries(data.suggestions ?? {})) {
    for (const [target, suggested] of Object.entries(block.shown)) {
      const final = valueAt(data.responses[responseId], target);
      if (block.mode === "prefilled") {
        if (sameValue(final, suggested)) kept++;
        else changed++;
      } else {
        own++;
        if (!sameValue(block.own?.[target], suggested) && sameValue(final, suggested)) took++;
      }
    }
  }
  const parts = [kept + changed ? `pre-filled: ${kept} kept, ${changed} changed` : "", own ? `after own answers: ${own} shown, ${took} taken` : ""].filter(Boolean);
  return parts.length ? parts.join("; ") : null;
}
