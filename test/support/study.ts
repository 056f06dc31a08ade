import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createBatch } from "@/lib/assignments/create-batch";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { medPalmLongForm } from "@/lib/rubrics/templates/med-palm";

export const asActor = (u: { id: string; role: "ADMIN" | "REVIEWER" | "RESEARCHER"; email: string; name: string }): Actor => ({ id: u.id, role: u.role, email: u.email, name: u.name });

/** A small blinded study: 1 admin, 2 reviewers, 1 researcher (member), `items` items, k = 2. */
export async function seedStudy(opts: { items?: number; blinded?: boolean } = {}) {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
  const researcher = await seedUser({ role: "RESEARCHER" });
  const outsider = await seedUser({ role: "RESEARCHER" });
  const project = await seedProject(admin.id, { blinded: opts.blinded ?? true, reviewersPerItem: 2 });
  await getDb().projectMember.create({ data: { projectId: project.id, userId: researcher.id, role: "ANALYST" } });
  await seedItems(admin.id, project.id, qaLines(opts.items ?? 3));
  const { batch } = await createBatch(admin.id, project.id, { name: "B1", reviewerIds: reviewers.map((r) => r.id), seed: 7 });
  const assignments = await getDb().assignment.findMany({ where: { batchId: batch.id }, orderBy: [{ reviewerId: "asc" }, { displayOrder: "asc" }] });
  return { admin, reviewers, researcher, outsider, project, batch, assignments };
}

/** A complete rating of every Med-PaLM axis for each response id (best option everywhere). */
export function completeRatings(responseIds: string[], pick: (axisIndex: number) => number = () => 0) {
  return {
    responses: Object.fromEntries(
      responseIds.map((id) => [id, { ratings: Object.fromEntries(medPalmLongForm.axes.map((a, i) => [a.key, a.options[pick(i)].value])), comments: {} }]),
    ),
    item: { ratings: {}, comments: {} },
    overallComment: "",
  };
}
