import { writeFileSync } from "node:fs";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { queryAll } from "./fixtures/db";
import { createProject, importFile, RUN } from "./fixtures/workspace";

// Study arms (issue 10): an admin builds an "unassisted, then assisted" batch in the form; the
// reviewer rates an item without the reference, and only once that rating is submitted does the
// assisted phase appear, showing the reference. The first rating is submitted through the API the
// review page uses (the rating controls are covered elsewhere); the arms are the point here.
const SLUG = `arms-${RUN}`;

test("unassisted, then assisted: the assisted phase opens only after the unassisted rating is submitted, and shows the assistance", async ({ page, browser }, info) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `Arms ${RUN}`, slug: SLUG, template: "med-palm-long-form", citation: /Singhal/ });
  const file = info.outputPath("arms-items.jsonl");
  writeFileSync(file, [1, 2].map((i) => JSON.stringify({ externalId: `arm-${i}`, question: `Case ${i}: what is the diagnosis?`, reference: { answer: `Reference diagnosis ${i}: **pulmonary embolism**.` }, responses: [{ modelName: "m", content: `Answer ${i}.` }] })).join("\n"));
  await importFile(page, file, "Imported 2 items with 2 responses.");

  await page.getByLabel("Batch name").fill("Reader study");
  await page.getByText(/Other reviewers on this site/).click();
  await page.getByRole("checkbox", { name: /Dr\. Kwame Osei/ }).check();
  await page.getByLabel("Arm design").selectOption("sequential");
  await page.getByLabel("Assistance material").selectOption("reference");
  await page.getByTestId("preview-batch").click();
  // The title is required: reviewers must be told what they are looking at.
  await expect(page.getByText(/Name the assistance as reviewers will see it/)).toBeVisible();
  await page.getByLabel("Assistance title (as reviewers see it)").fill("Reference answer");
  await page.getByTestId("preview-batch").click();
  await expect(page.getByTestId("preview-arms")).toHaveText("Study arms (sequential): each rating again in the other arm, 2 assignments in batch “Reader study (assisted)”.");
  await page.getByRole("button", { name: "Create and assign batch" }).click();
  await expect(page.getByText(/Assigned 2 items as 2 assignments\. The second phase of every rating is in batch "Reader study \(assisted\)"/)).toBeVisible();

  const reviewer = await browser.newPage();
  await loginAs(reviewer, USERS.reviewer1);
  await reviewer.goto(`/queue?project=${SLUG}`);
  await expect(reviewer.getByRole("region", { name: `Arms ${RUN} / Reader study` })).toBeVisible();
  await expect(reviewer.getByRole("region", { name: `Arms ${RUN} / Reader study (assisted)` })).toHaveCount(0);

  const [first] = await queryAll<{ id: string; responseOrder: string[]; next: string }>(
    `SELECT s.id, s."responseOrder", f.id AS next FROM "Assignment" s JOIN "Assignment" f ON f."precededById" = s.id JOIN "Batch" b ON b.id = s."batchId" JOIN "Project" p ON p.id = b."projectId"
     WHERE p.slug = $1 ORDER BY s."displayOrder" LIMIT 1`, [SLUG]);
  await reviewer.goto(`/review/${first.id}`);
  await expect(reviewer.getByTestId("study-phase")).toContainText("Without assistance · step 1 of 2");
  await expect(reviewer.getByText("pulmonary embolism")).toHaveCount(0);
  // "Next" already leads to this item's assisted phase, which opens as this one is submitted.
  await expect(reviewer.getByTestId("next-item")).toHaveAttribute("href", `/review/${first.next}`);
  const closed = await reviewer.goto(`/review/${first.next}`);
  expect(closed?.status()).toBe(404);

  const axes = await queryAll<{ key: string; options: Array<{ value: string }> }>(
    `SELECT x.key, x.options FROM "RubricAxis" x JOIN "Rubric" r ON r.id = x."rubricId" JOIN "Project" p ON p.id = r."projectId" WHERE p.slug = $1 ORDER BY x.position`, [SLUG]);
  const ratings = Object.fromEntries(axes.map((x) => [x.key, x.options[0].value]));
  const data = { responses: Object.fromEntries(first.responseOrder.map((id) => [id, { ratings, comments: {} }])), item: { ratings: {}, comments: {} }, overallComment: "" };
  const saved = await reviewer.request.put(`/api/v1/assignments/${first.id}/annotation`, { data: { baseVersion: 0, clientMutationId: `arm-${first.id}`, data, submit: true } });
  expect(saved.status()).toBe(200);

  await reviewer.goto(`/review/${first.next}`);
  const phase = reviewer.getByTestId("study-phase");
  await expect(phase).toContainText("With assistance · step 2 of 2");
  await expect(phase.getByRole("heading", { name: "Reference answer" })).toBeVisible();
  await expect(phase.locator("strong", { hasText: "pulmonary embolism" })).toBeVisible();
  await reviewer.screenshot({ path: info.outputPath("assisted-phase.png"), fullPage: true });
  await reviewer.goto(`/queue?project=${SLUG}`);
  await expect(reviewer.getByRole("region", { name: `Arms ${RUN} / Reader study (assisted)` })).toBeVisible();
});
