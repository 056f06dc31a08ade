import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { createProject } from "@/lib/projects/create-project";
import { seedItems } from "@/lib/seed/factories";
import { ROBUSTNESS_GUIDELINES, robustnessShowcaseItems } from "./demo/robustness-showcase";
import { FORMATS_GUIDELINES, formatsShowcaseItems } from "./demo/formats-showcase";
import { TRAJECTORY_GUIDELINES, trajectoryShowcaseItems } from "./demo/trajectory-showcase";

// The robustness and formats showcases (issue 13). Robustness:: items with analysis fields and variants, one reviewer who has
// already rated everything, so the results page opens on figures: variants against originals,
// breakdowns by patient group, prompt, cost and training cutoff. Reviews go through saveAnnotation,
// like a reviewer's submit.

const SCALES = ["correctness", "faithfulness", "completeness", "efficiency", "consistency"];

export async function seedRobustnessShowcase(admin: Actor, reviewer: Actor, researcherId: string) {
  const db = getDb();
  const project = await createProject(admin.id, {
    slug: "robustness-showcase",
    name: "Robustness to perturbed cases (demo)",
    template: "reasoning-quality",
    guidelines: ROBUSTNESS_GUIDELINES,
    blinded: true,
    reviewersPerItem: 1,
    settings: { revealMcqAnswer: false },
  });
  await seedItems(admin.id, project.id, robustnessShowcaseItems());
  await db.projectMember.create({ data: { projectId: project.id, userId: researcherId, role: "ANALYST" } });
  const { batch } = await createBatch(admin.id, project.id, { name: "Robustness demo", reviewerIds: [reviewer.id], perItem: 1, seed: 42 });
  const assignments = await db.assignment.findMany({ where: { batchId: batch.id }, include: { item: { select: { reference: true, responses: { select: { id: true, answer: true } } } } } });
  for (const a of assignments) {
    const key = (a.item.reference as { correctOption?: string } | null)?.correctOption;
    const responses = Object.fromEntries(
      a.item.responses.map((r, i) => {
        const right = (r.answer as { choice?: string } | null)?.choice === key;
        // A right answer usually reads well; one in three right answers has weak reasoning ("right answer, wrong reasoning").
        const weak = right && (a.displayOrder + i) % 3 === 0;
        const score = right ? (weak ? 3 : 5) : 2;
        const ratings = { ...Object.fromEntries(SCALES.map((k) => [k, score])), final_answer_correct: right, reasoning_supports_answer: right && !weak };
        return [r.id, { ratings, comments: {} }];
      }),
    );
    const saved = await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: `demo-${a.id}`, data: { responses, item: { ratings: {}, comments: {} }, overallComment: "" }, submit: true });
    if (saved.status !== "saved") throw new Error(`Demo review refused: ${JSON.stringify(saved)}`);
  }
}

/** Numeric answers and select-all questions (issue 13), the answer key revealed, assigned to every demo reviewer. */
export async function seedFormatsShowcase(admin: Actor, reviewerIds: string[], researcherId: string) {
  const project = await createProject(admin.id, {
    slug: "formats-showcase",
    name: "Answer formats: numbers, select-all, voice, citations, summaries, image series (demo)",
    template: "reasoning-quality",
    guidelines: FORMATS_GUIDELINES,
    blinded: true,
    reviewersPerItem: 2,
    settings: { revealMcqAnswer: true },
  });
  await seedItems(admin.id, project.id, formatsShowcaseItems());
  await getDb().projectMember.create({ data: { projectId: project.id, userId: researcherId, role: "ANALYST" } });
  await createBatch(admin.id, project.id, { name: "Formats demo", reviewerIds, perItem: 2, seed: 42 });
}

/** Agent runs to judge action by action (issue 13), every item to every demo reviewer. */
export async function seedTrajectoryShowcase(admin: Actor, reviewerIds: string[], researcherId: string) {
  const project = await createProject(admin.id, {
    slug: "trajectory-showcase",
    name: "Agent runs, action by action (demo)",
    template: "reasoning-quality",
    guidelines: TRAJECTORY_GUIDELINES,
    blinded: true,
    reviewersPerItem: reviewerIds.length,
  });
  await seedItems(admin.id, project.id, trajectoryShowcaseItems());
  await getDb().projectMember.create({ data: { projectId: project.id, userId: researcherId, role: "ANALYST" } });
  await createBatch(admin.id, project.id, { name: "Trajectories demo", reviewerIds, perItem: reviewerIds.length, seed: 42 });
}
