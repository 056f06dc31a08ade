import { getDb } from "@/lib/db/client";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/projects/access";
import { stepTexts } from "./segment";
import { ensureSegmentations, stepSourceText } from "./segmentations";

export type SegmentationView = {
  itemId: string;
  externalId: string;
  responses: Array<{ responseId: string; label: string; modelName: string; version: number; source: string; over: "reasoning" | "content"; steps: Array<{ start: number; end: number; text: string }>; labelledVersions: number[] }>;
};

/**
 * What an admin sees to adjust an item's segmentations: each response's current steps with their text, and
 * which versions carry reviewers' labels (an edit of a labelled version adds a new one). Admins only.
 */
export async function loadSegmentationView(actor: Actor, projectId: string, externalId: string): Promise<SegmentationView> {
  await requireProjectPermission(actor, projectId, "project:manage");
  const db = getDb();
  const item = await db.item.findUnique({
    where: { projectId_externalId: { projectId, externalId } },
    select: { id: true, externalId: true, responses: { orderBy: { position: "asc" }, select: { id: true, label: true, modelName: true, content: true, reasoning: true, steps: true } } },
  });
  if (!item) throw new NotFoundError(`No item "${externalId}" in this project.`);
  const current = await ensureSegmentations(item.responses);
  const labelled = await db.$queryRaw<Array<{ responseId: string; version: number }>>`
    SELECT DISTINCT s.key AS "responseId", (s.value->>'segmentationVersion')::int AS version
    FROM "Annotation" a, jsonb_each(COALESCE(a.data->'steps', '{}'::jsonb)) s
    WHERE a."itemId" = ${item.id}`;
  return {
    itemId: item.id,
    externalId: item.externalId,
    responses: item.responses.map((r) => {
      const seg = current.get(r.id)!;
      const text = stepSourceText(r);
      const texts = stepTexts(text, seg.steps);
      return {
        responseId: r.id, label: r.label, modelName: r.modelName, version: seg.version, source: seg.source,
        over: text === r.content ? ("content" as const) : ("reasoning" as const),
        steps: seg.steps.map((s, i) => ({ ...s, text: texts[i] })),
        labelledVersions: labelled.filter((l) => l.responseId === r.id).map((l) => l.version).sort((a, b) => a - b),
      };
    }),
  };
}
