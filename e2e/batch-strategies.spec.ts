import { writeFileSync } from "node:fs";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { createProject, importFile, RUN } from "./fixtures/workspace";

// Assignment strategies in the new-batch form (issue 10): specialty match with the items nobody can
// cover named in the preview, then a fixed list of (item, reviewer) pairs.
const SLUG = `strategies-${RUN}`;

test("specialty match leaves out and names what nobody can cover; a fixed list assigns exactly its pairs", async ({ page }, info) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `Strategies ${RUN}`, slug: SLUG, template: "med-palm-long-form", citation: /Singhal/ });
  const specialties = ["Internal medicine", "Internal medicine", "Family medicine", "Oncology"];
  const file = info.outputPath("specialty-items.jsonl");
  writeFileSync(file, specialties.map((specialty, i) => JSON.stringify({ externalId: `sp-${i + 1}`, specialty, question: `Question ${i + 1}?`, responses: [{ modelName: "m", content: `Answer ${i + 1}.` }] })).join("\n"));
  await importFile(page, file, "Imported 4 items with 4 responses.");

  await page.getByLabel("Batch name").fill("By specialty");
  await page.getByText(/Other reviewers on this site/).click();
  await page.getByRole("checkbox", { name: /Dr\. Kwame Osei/ }).check(); // Internal medicine
  await page.getByRole("checkbox", { name: /Dr\. Sara Lindqvist/ }).check(); // Family medicine
  await page.getByRole("checkbox", { name: /Match specialty/ }).check();
  await page.getByTestId("preview-batch").click();
  await expect(page.getByTestId("preview-uncovered")).toContainText("1 item(s) cannot get 1 reviewer(s) of their specialty");
  await expect(page.getByTestId("preview-uncovered")).toContainText("sp-4 (Oncology: 0 eligible)");
  const loads = page.getByTestId("preview-load");
  await expect(loads.filter({ hasText: "Dr. Kwame Osei" }).locator('[data-col="assignments"]')).toHaveText("2");
  await expect(loads.filter({ hasText: "Dr. Sara Lindqvist" }).locator('[data-col="assignments"]')).toHaveText("1");
  await page.getByRole("button", { name: "Create and assign batch" }).click();
  await expect(page.getByText("Assigned 3 items as 3 assignments. 1 item(s) left out: too few reviewers of their specialty (they stay unbatched).")).toBeVisible();

  await page.reload();
  await page.getByLabel("Batch name").fill("Listed");
  await page.getByText(/Or assign a fixed list/).click();
  await page.getByLabel(/One assignment per line/).fill(`external_id,reviewer\nsp-4,${USERS.reviewer1}\nsp-1,${USERS.reviewer2}`);
  await page.getByRole("button", { name: "Create and assign batch" }).click();
  await expect(page.getByText("Assigned 2 items as 2 assignments.")).toBeVisible();

  // Repeat ratings: half of each reviewer's items again, in a batch of their own that follows the first.
  await page.reload();
  await page.getByLabel("Batch name").fill("Retest");
  await page.getByLabel("Which items").selectOption("all");
  await page.getByLabel("Repeat share (percent of each reviewer's items)").fill("50");
  await page.getByLabel("Washout in items").fill("0");
  await page.getByTestId("preview-batch").click();
  await expect(page.getByTestId("preview-load").filter({ hasText: "Dr. Kwame Osei" }).locator('[data-col="repeats"]')).toHaveText("1");
  await page.getByRole("button", { name: "Create and assign batch" }).click();
  await expect(page.getByText(/Assigned 4 items as 4 assignments\. 2 repeat rating\(s\) in batch "Retest \(2\)"\./)).toBeVisible();

  const reviewer = await page.context().browser()!.newPage();
  await loginAs(reviewer, USERS.reviewer1);
  await reviewer.goto(`/queue?project=${SLUG}`);
  await expect(reviewer.getByRole("region", { name: `Strategies ${RUN} / Retest (2)` })).toBeVisible();
});
