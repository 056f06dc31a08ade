import { writeFileSync } from "node:fs";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { queryOne } from "./fixtures/db";
import { assignToReviewer1, importFile, openFromQueue, RUN } from "./fixtures/workspace";

// Corrections (issue 11, decision 030): in a project that asks for them, a reviewer rewrites a model's
// answer starting from its text, sees the word diff and the edit count, and the correction autosaves
// into the annotation document and survives a reload.
const SLUG = `corrections-${RUN}`;

test("write a corrected answer from the model's text, see the diff, autosaved and kept across a reload", async ({ page, browser }, info) => {
  await loginAs(page, USERS.admin);
  await page.goto("/projects/new");
  await page.getByLabel("Name", { exact: true }).fill(`Corrections ${RUN}`);
  await page.getByLabel("Slug (used in URLs and the CLI)").fill(SLUG);
  await page.getByLabel("Rubric template").selectOption("med-palm-long-form");
  await page.getByLabel("Reviewers per item").fill("1");
  await page.getByRole("checkbox", { name: /Let reviewers write a corrected answer/ }).check();
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(`**/projects/${SLUG}`);
  const file = info.outputPath("corrections-items.jsonl");
  writeFileSync(file, JSON.stringify({ externalId: "corr-1", question: "How long should I take amoxicillin for strep throat?", responses: [{ modelName: "m-one", content: "Take amoxicillin for 5 days." }] }));
  await importFile(page, file, "Imported 1 item with 1 response.");
  await assignToReviewer1(page, "Corrections batch", "Assigned 1 item");

  const reviewer = await browser.newPage();
  await loginAs(reviewer, USERS.reviewer1);
  const url = await openFromQueue(reviewer, new RegExp(`Corrections ${RUN} / Corrections batch`));
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await reviewer.getByRole("button", { name: "Write a corrected answer" }).click();
  const box = reviewer.getByLabel("Corrected answer (what the model should have said)");
  await expect(box).toHaveValue("Take amoxicillin for 5 days.");
  await box.fill("Take amoxicillin for 10 days, even if you feel better sooner.");
  const diff = reviewer.getByTestId("correction-diff");
  await expect(diff.locator("del")).toHaveText(["5"]);
  await expect(diff.locator("ins").first()).toHaveText("10");
  await expect(reviewer.getByTestId("correction-stats")).toContainText("words edited");
  await expect(reviewer.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  const { responseOrder, data } = await queryOne<{ responseOrder: string[]; data: { corrections: Record<string, { content: string }> } }>(
    `SELECT s."responseOrder", a.data FROM "Assignment" s JOIN "Annotation" a ON a."assignmentId" = s.id WHERE s.id = $1`, [url.split("/review/")[1]]);
  expect(data.corrections).toEqual({ [responseOrder[0]]: { content: "Take amoxicillin for 10 days, even if you feel better sooner." } });

  await reviewer.reload();
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await expect(reviewer.getByLabel("Corrected answer (what the model should have said)")).toHaveValue("Take amoxicillin for 10 days, even if you feel better sooner.");
  await reviewer.screenshot({ path: info.outputPath("correction.png"), fullPage: true });
});
