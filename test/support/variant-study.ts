import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { medPalmLongForm } from "@/lib/rubrics/templates/med-palm";
import { asActor } from "./study";

// A perturbation study (issue 13): four MCQ originals and an age-perturbed variant of each, answered
// by two models with analysis fields. model-alpha answers every original right and three of the four
// variants wrong; model-beta answers right throughout. One reviewer rates every response; the
// first Med-PaLM axis is rated best exactly where the model answered right.

const OPTIONS = ["Metformin", "Insulin", "Sulfonylurea"];
export const VARIANT_MODELS = ["model-alpha", "model-beta"] as const;

function mcq(externalId: string, variant: "original" | "age-perturbed", n: number, alphaRight: boolean) {
  const original = variant === "original";
  return {
    kind: "mcq",
    externalId,
    ...(original ? {} : { variantOf: `case-${n}` }),
    question: `A ${original ? 54 : 81}-year-old with type 2 diabetes (case ${n}). First-line drug?`,
    options: OPTIONS,
    correctOption: "A",
    analysis: { variant, group: n % 2 ? "women" : "men", date: n <= 2 ? "2023-05-01" : "2025-06-01" },
    responses: [
      { modelName: "model-alpha", content: "Reasoned answer.", choice: alphaRight ? "A" : "B", analysis: { costUsd: 0.01 * n, outputTokens: 100 * n, prompt: "plain", trainingCutoff: "2024-12-01" } },
      { modelName: "model-beta", content: "Another answer.", choice: "A", analysis: { costUsd: 0.002, outputTokens: 50, prompt: "persona-nurse", trainingCutoff: "2024-06-01" } },
    ],
  };
}

export function variantStudyLines() {
  return [1, 2, 3, 4].flatMap((n) => [mcq(`case-${n}`, "original", n, true), mcq(`case-${n}-age`, "age-perturbed", n, n === 4)]);
}

export async function seedVariantStudy() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewer = await seedUser({ role: "REVIEWER" });
  const project = await seedProject(admin.id, { reviewersPerItem: 1 });
  await seedItems(admin.id, project.id, variantStudyLines());
  const { batch } = await createBatch(admin.id, project.id, { name: "B1", reviewerIds: [reviewer.id], seed: 3 });
  const db = getDb();
  const assignments = await db.assignment.findMany({ where: { batchId: batch.id }, include: { item: { include: { responses: true } } } });
  const [first, second] = medPalmLongForm.axes;
  for (const a of assignments) {
    const responses = Object.fromEntries(
      a.item.responses.map((r) => {
        const right = (r.answer as { choice?: string } | null)?.choice === "A";
        const ratings = Object.fromEntries(medPalmLongForm.axes.map((axis) => [axis.key, axis.options[0].value]));
        ratings[first.key] = right ? first.options[0].value : first.options[first.options.length - 1].value;
        ratings[second.key] = second.options[0].value;
        return [r.id, { ratings, comments: {} }];
      }),
    );
    const data = { responses, item: { ratings: {}, comments: {} }, overallComment: "" };
    const saved = await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `v-${a.id}`, data, submit: true });
    if (saved.status !== "saved") throw new Error(`variant study: save failed ${JSON.stringify(saved)}`);
  }
  return { admin, reviewer, project, batch, firstAxis: first.key };
}
