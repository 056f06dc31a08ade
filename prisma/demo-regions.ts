import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { createProject } from "@/lib/projects/create-project";
import { saveRubric } from "@/lib/rubrics/rubric-versions";
import { seedItems } from "@/lib/seed/factories";
import { regionLabelsFromText } from "@/lib/tools/regions/labels";
import type { ModelRegion, ModelVerdict, RegionShape } from "@/lib/tools/regions/shapes";
import { demoRegions, REGION_LABELS, REGIONS_GUIDELINES, REGIONS_RUBRIC, regionsShowcaseItems } from "./demo/regions-showcase";

// Regions on images (issue 13): every demo reviewer has the items; two of them have already
// reviewed (drawn, measured, linked and judged), so the results page opens on the models' verdicts
// and overlaps and on agreement between reviewers, and the first reviewer still has all to do.

/** What the demo reviewers made of each localization: by model and item. */
const VERDICTS: Record<string, Record<string, [ModelVerdict, ModelVerdict]>> = {
  "loc-cxr-1": { "locus-vl-7b": ["correct", "correct"], "scout-rad-2": ["incorrect", "incorrect"] },
  "loc-ct-1": { "locus-vl-7b": ["correct", "partly"] },
  "loc-cxr-2": { "scout-rad-2": ["incorrect", "incorrect"] },
};
/** Whether a model got the finding right (both reviewers agree), per item. */
const RIGHT: Record<string, string[]> = { "loc-cxr-1": ["locus-vl-7b"], "loc-ct-1": ["locus-vl-7b"], "loc-cxr-2": ["locus-vl-7b"] };

export async function seedRegionsShowcase(admin: Actor, reviewerIds: string[], reviewed: [Actor, Actor], researcherId: string) {
  const db = getDb();
  const project = await createProject(admin.id, {
    slug: "regions-showcase",
    name: "Findings on images, located and measured (demo)",
    template: "reasoning-quality",
    guidelines: REGIONS_GUIDELINES,
    blinded: true,
    reviewersPerItem: reviewerIds.length,
    settings: { regions: { enabled: true, labels: regionLabelsFromText(REGION_LABELS) } },
  });
  await saveRubric(admin, project.id, REGIONS_RUBRIC, 1);
  await seedItems(admin.id, project.id, regionsShowcaseItems());
  await db.projectMember.create({ data: { projectId: project.id, userId: researcherId, role: "ANALYST" } });
  await createBatch(admin.id, project.id, { name: "Regions demo", reviewerIds, perItem: reviewerIds.length, seed: 42 });
  for (const [r, reviewer] of reviewed.entries()) {
    const assignments = await db.assignment.findMany({ where: { reviewerId: reviewer.id, batch: { projectId: project.id } }, include: { item: { select: { externalId: true, responses: { select: { id: true, modelName: true, answer: true } } } } } });
    for (const a of assignments) {
      const { externalId, responses } = a.item;
      const localizing = responses.find((x) => ((x.answer as { regions?: ModelRegion[] } | null)?.regions ?? []).length);
      const shapes: RegionShape[] = demoRegions(externalId, r as 0 | 1).map((s, n) => ({ ...s, id: `demo${n + 1}`, ...(n === 0 && localizing && RIGHT[externalId]?.includes(localizing.modelName) ? { link: { responseId: localizing.id, sentence: 0 } } : {}) }));
      const model = Object.fromEntries(
        responses.flatMap((x) => {
          const count = ((x.answer as { regions?: ModelRegion[] } | null)?.regions ?? []).length;
          const verdict = VERDICTS[externalId]?.[x.modelName]?.[r];
          return count && verdict ? [[x.id, Object.fromEntries(Array.from({ length: count }, (_, i) => [String(i), { verdict }]))]] : [];
        }),
      );
      const ratings = Object.fromEntries(responses.map((x) => {
        const right = RIGHT[externalId]?.includes(x.modelName) ?? false;
        return [x.id, { ratings: { finding_correct: right, localization: right ? "right" : "wrong" }, comments: {} }];
      }));
      const sizes: Record<string, [number, number]> = externalId === "loc-ct-1" ? { "5": [192, 192] } : { "0": [256, 256] };
      const saved = await saveAnnotation(reviewer, a.id, {
        baseVersion: 0, clientMutationId: `demo-${a.id}`, submit: true,
        data: { responses: ratings, item: { ratings: {}, comments: {} }, overallComment: "", regions: { shapes, sizes, model } },
      });
      if (saved.status !== "saved") throw new Error(`Demo region review refused: ${JSON.stringify(saved)}`);
    }
  }
}
