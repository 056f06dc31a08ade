import { getDb, disconnectDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { createProject } from "@/lib/projects/create-project";
import { writeDemoImages } from "@/lib/seed/demo-image";
import { writeDemoAudio } from "@/lib/seed/demo-audio";
import { DEMO_PASSWORD, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { demoItemLines } from "./demo-items";
import { DEMO_SHOWCASES } from "./demo-showcase";
import { ARGUMENT_SHOWCASE } from "./demo/argument-showcase";
import { RANKING_GUIDELINES, rankingShowcaseItems } from "./demo/ranking-showcase";
import { TURNS_GUIDELINES, TURNS_RUBRIC, turnsShowcaseItems } from "./demo/turns-showcase";
import { saveRubric } from "@/lib/rubrics/rubric-versions";
import { importJudgeResults } from "@/lib/judges/import-judge-results";
import { seedRegionsShowcase } from "./demo-regions";
import { seedRecordShowcase } from "./demo-records";
import { seedFormatsShowcase, seedRobustnessShowcase, seedTrajectoryShowcase } from "./demo-robustness";
import { SUGGESTIONS_GUIDELINES, SUGGESTIONS_JUDGE, suggestionsJudgeLines, suggestionsShowcaseItems } from "./demo/suggestions-showcase";

export const DEMO_USERS = [
  { email: "admin@consilium.local", name: "Ada Admin", role: "ADMIN" as const },
  { email: "dr.osei@consilium.local", name: "Dr. Kwame Osei", role: "REVIEWER" as const, specialty: "Internal medicine" },
  { email: "dr.lindqvist@consilium.local", name: "Dr. Sara Lindqvist", role: "REVIEWER" as const, specialty: "Family medicine" },
  { email: "dr.tanaka@consilium.local", name: "Dr. Hiro Tanaka", role: "REVIEWER" as const, specialty: "Emergency medicine" },
  { email: "researcher@consilium.local", name: "Rosa Researcher", role: "RESEARCHER" as const },
];

const GUIDELINES = `## How to rate
Read the question as a **patient** would have asked it, then rate each response on every axis.

- Judge against current clinical consensus and guidelines.
- *Harm* means physical or mental-health harm if the person acted on the answer.
- Use the comment box on any axis to explain a rating you think others may disagree with.

Responses are shown in a random order and the models are hidden. Your work saves automatically.`;

/** Seeds the demo study when the database has no users. Returns false when it did nothing. */
export async function seedDemo(): Promise<boolean> {
  const db = getDb();
  if ((await db.user.count()) > 0) return false;
  // The showcase's vqa items point at these (synthetic) images; existing files are left alone.
  await writeDemoImages();
  await writeDemoAudio();
  const users: Array<Awaited<ReturnType<typeof seedUser>>> = [];
  for (const u of DEMO_USERS) users.push(await seedUser({ ...u, password: DEMO_PASSWORD }));
  const admin = users[0];
  const project = await seedProject(admin.id, { slug: "consumer-health-qa", name: "Consumer health answers (demo)", guidelines: GUIDELINES, blinded: true, reviewersPerItem: 2 });
  const lines = demoItemLines();
  await seedItems(admin.id, project.id, lines);
  const researcher = users.find((u) => u.role === "RESEARCHER")!;
  await db.projectMember.create({ data: { projectId: project.id, userId: researcher.id, role: "ANALYST" } });
  // Assign 20 items in a pilot batch; four stay unbatched for the admin to try batching.
  const items = await db.item.findMany({ where: { projectId: project.id }, orderBy: { externalId: "asc" }, take: 20, select: { id: true } });
  await createBatch(admin.id, project.id, {
    name: "Pilot",
    itemIds: items.map((i) => i.id),
    reviewerIds: users.filter((u) => u.role === "REVIEWER").map((u) => u.id),
    perItem: 2,
    seed: 42,
  });
  // Three small showcase projects, one per rubric style (prisma/demo-showcase.ts). They come after
  // the Pilot batch so that Pilot assignments stay first in every reviewer's queue.
  const reviewerIds = users.filter((u) => u.role === "REVIEWER").map((u) => u.id);
  for (const showcase of DEMO_SHOWCASES) {
    const { items, ...projectInput } = showcase;
    const showcaseProject = await createProject(admin.id, { ...projectInput, reviewersPerItem: 2 });
    await seedItems(admin.id, showcaseProject.id, items());
    await db.projectMember.create({ data: { projectId: showcaseProject.id, userId: researcher.id, role: "ANALYST" } });
    // No itemIds: every (so far unbatched) item of the project goes into the batch.
    await createBatch(admin.id, showcaseProject.id, { name: "Demo", reviewerIds, perItem: 2, seed: 42 });
  }
  // Argument structure (issue 8): its own batch name, so the showcase checks above stay as they were.
  const { items: argumentItems, ...argumentProject } = ARGUMENT_SHOWCASE;
  const argumentsProject = await createProject(admin.id, { ...argumentProject, reviewersPerItem: 2 });
  await seedItems(admin.id, argumentsProject.id, argumentItems());
  await db.projectMember.create({ data: { projectId: argumentsProject.id, userId: researcher.id, role: "ANALYST" } });
  await createBatch(admin.id, argumentsProject.id, { name: "Arguments demo", reviewerIds, perItem: 2, seed: 42 });
  // Ranking many responses (issue 11): four answers per question, ranked most to least useful; reviewers
  // may also rewrite an answer (corrections, decision 030).
  const rankingProject = await createProject(admin.id, { slug: "ranking-showcase", name: "Ranking four answers, Med-PaLM 2 consultation (demo)", template: "med-palm-2-ranking", guidelines: RANKING_GUIDELINES, blinded: true, reviewersPerItem: 2, settings: { corrections: { enabled: true } } });
  await seedItems(admin.id, rankingProject.id, rankingShowcaseItems());
  await db.projectMember.create({ data: { projectId: rankingProject.id, userId: researcher.id, role: "ANALYST" } });
  await createBatch(admin.id, rankingProject.id, { name: "Ranking demo", reviewerIds, perItem: 2, seed: 42 });
  // Dialogues turn by turn (issue 11, decision 033): whole consultations, each AI turn rated on its own.
  const turnsProject = await createProject(admin.id, { slug: "turns-showcase", name: "Consultations turn by turn (demo)", template: "amie-consultation", guidelines: TURNS_GUIDELINES, blinded: true, reviewersPerItem: 2, settings: { dialogueTarget: "whole_dialogue" } });
  await saveRubric({ id: admin.id, role: admin.role, email: admin.email, name: admin.name }, turnsProject.id, TURNS_RUBRIC, 1);
  await seedItems(admin.id, turnsProject.id, turnsShowcaseItems());
  await db.projectMember.create({ data: { projectId: turnsProject.id, userId: researcher.id, role: "ANALYST" } });
  await createBatch(admin.id, turnsProject.id, { name: "Turns demo", reviewerIds, perItem: 2, seed: 42 });
  // Suggestions (issue 11, decision 034): a grader's criterion marks pre-fill the review.
  const suggestionsProject = await createProject(admin.id, { slug: "suggestions-showcase", name: "Checking a grader's suggestions (demo)", template: "healthbench-criteria", guidelines: SUGGESTIONS_GUIDELINES, blinded: true, reviewersPerItem: 2, settings: { suggestions: { judge: SUGGESTIONS_JUDGE, reveal: "immediately" } } });
  await seedItems(admin.id, suggestionsProject.id, suggestionsShowcaseItems());
  const judged = await importJudgeResults({ actorId: admin.id, projectId: suggestionsProject.id, lines: suggestionsJudgeLines().map((l) => JSON.stringify(l)) });
  if (!judged.ok) throw new Error(`Demo judge results refused: ${JSON.stringify(judged.errors.slice(0, 3))}`);
  await db.projectMember.create({ data: { projectId: suggestionsProject.id, userId: researcher.id, role: "ANALYST" } });
  await createBatch(admin.id, suggestionsProject.id, { name: "Suggestions demo", reviewerIds, perItem: 2, seed: 42 });
  // Variants and analysis fields (issue 13), already reviewed by one physician so the results have figures.
  const actor = (u: { id: string; role: "ADMIN" | "REVIEWER" | "RESEARCHER"; email: string; name: string }) => ({ id: u.id, role: u.role, email: u.email, name: u.name });
  await seedRobustnessShowcase(actor(admin), actor(users.find((u) => u.email === "dr.osei@consilium.local")!), researcher.id);
  await seedFormatsShowcase(actor(admin), reviewerIds, researcher.id);
  await seedTrajectoryShowcase(actor(admin), reviewerIds, researcher.id);
  const byEmail = (email: string) => actor(users.find((u) => u.email === email)!);
  await seedRegionsShowcase(actor(admin), reviewerIds, [byEmail("dr.lindqvist@consilium.local"), byEmail("dr.tanaka@consilium.local")], researcher.id);
  await seedRecordShowcase(actor(admin), reviewerIds, byEmail("dr.lindqvist@consilium.local"), researcher.id);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seedDemo()
    .then((seeded) => console.log(seeded ? "Seeded the demo study." : "Database already has users; demo seed skipped."))
    .finally(() => disconnectDb());
}
