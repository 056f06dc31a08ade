import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { createProject } from "@/lib/projects/create-project";
import { saveRubric } from "@/lib/rubrics/rubric-versions";
import { seedItems } from "@/lib/seed/factories";
import { RECORDS_GUIDELINES, RECORDS_RUBRIC, recordShowcaseItems } from "./demo/record-showcase";

// Long records (issue 13): every demo reviewer has both records; one of them has already reviewed the
// diabetes record (statements marked and linked), so the results page shows per-model figures.

/** What the demo reviewer marked, per model: [quote, verdict, linked entry ids]. */
const MARKS: Record<string, Array<[string, "supported" | "contradicted" | "unsupported", string[]]>> = {
  "chartwise-13b": [
    ["HbA1c has improved from 8.9 % to 7.4 %.", "supported", ["Observation/a1c-1", "Observation/a1c-8"]],
    ["Potassium is high at 5.9 mmol/L and rising on lisinopril.", "supported", ["Observation/k-8", "DocumentReference/letter-2"]],
    ["Metformin was reduced to 500 mg twice daily in April 2024.", "supported", ["MedicationRequest/met-2"]],
    ["She is allergic to penicillin.", "supported", ["AllergyIntolerance/pen"]],
  ],
  "medsum-lite": [
    ["with an HbA1c of 6.5 %.", "contradicted", ["Observation/a1c-8"]],
    ["Her potassium is normal.", "contradicted", ["Observation/k-8"]],
    ["She takes metformin 1 g twice daily and insulin glargine at night.", "contradicted", ["MedicationRequest/met-2"]],
    ["No known allergies.", "contradicted", ["AllergyIntolerance/pen"]],
  ],
};

const codePoints = (s: string) => [...s].length;

export async function seedRecordShowcase(admin: Actor, reviewerIds: string[], reviewed: Actor, researcherId: string) {
  const db = getDb();
  const project = await createProject(admin.id, {
    slug: "record-showcase",
    name: "Outputs about long patient records (demo)",
    template: "reasoning-quality",
    guidelines: RECORDS_GUIDELINES,
    blinded: true,
    reviewersPerItem: reviewerIds.length,
  });
  await saveRubric(admin, project.id, RECORDS_RUBRIC, 1);
  await seedItems(admin.id, project.id, recordShowcaseItems());
  await db.projectMember.create({ data: { projectId: project.id, userId: researcherId, role: "ANALYST" } });
  await createBatch(admin.id, project.id, { name: "Records demo", reviewerIds, perItem: reviewerIds.length, seed: 42 });
  const a = await db.assignment.findFirstOrThrow({ where: { reviewerId: reviewed.id, batch: { projectId: project.id }, item: { externalId: "rec-dm-1" } }, include: { item: { select: { responses: { select: { id: true, modelName: true, content: true } } } } } });
  const recordLinks = Object.fromEntries(
    a.item.responses.map((r) => {
      const marks = MARKS[r.modelName] ?? [];
      const spans = marks.map(([quote, label], n) => {
        const at = r.content.indexOf(quote);
        if (at === -1) throw new Error(`Demo statement not found: ${quote}`);
        const start = codePoints(r.content.slice(0, at));
        return { id: `d${n + 1}`, label, start, end: start + codePoints(quote), text: quote };
      });
      return [r.id, { output: { spans, relations: [] }, entries: Object.fromEntries(marks.map(([, , ids], n) => [`d${n + 1}`, ids])) }];
    }),
  );
  const responses = Object.fromEntries(a.item.responses.map((r) => [r.id, { ratings: r.modelName === "chartwise-13b" ? { faithful: true, usefulness: 5 } : { faithful: false, usefulness: 1 }, comments: {} }]));
  const saved = await saveAnnotation(reviewed, a.id, { baseVersion: 0, clientMutationId: `demo-${a.id}`, submit: true, data: { responses, item: { ratings: {}, comments: {} }, overallComment: "", recordLinks } });
  if (saved.status !== "saved") throw new Error(`Demo record review refused: ${JSON.stringify(saved)}`);
}
