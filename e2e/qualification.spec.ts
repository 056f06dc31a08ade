import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { createProject, importFile, RUN } from "./fixtures/workspace";

// Qualification (issue 10): the project requires a pass; the reviewer's queue holds only the practice
// round; after submitting a practice item in the browser they see the known answer and its explanation;
// the pass opens the real batch, and the manager sees it on the member list.
const SLUG = `qualify-${RUN}`;

async function rateEveryAxis(page: Page) {
  for (const group of await page.getByRole("radiogroup").all()) await group.locator("label").first().click();
}

test("a reviewer passes the qualification round with feedback after each practice item, and real work opens", async ({ page, browser }, info) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `Qualify ${RUN}`, slug: SLUG, template: "med-palm-long-form", citation: /Singhal/ });
  const file = info.outputPath("qualification-items.jsonl");
  const practice = { externalId: "practice-1", isGold: true, question: "Can a 2-year-old take aspirin for fever?", reference: { explanation: "Aspirin is avoided in children because of **Reye syndrome**.", gold: { responses: { A: { scientific_consensus: "aligned" } } } }, responses: [{ modelName: "m", content: "No: use paracetamol instead." }] };
  const real = { externalId: "real-1", question: "What is a normal resting heart rate?", responses: [{ modelName: "m", content: "60 to 100 beats per minute." }] };
  writeFileSync(file, [practice, real].map((l) => JSON.stringify(l)).join("\n"));
  await importFile(page, file, "Imported 2 items with 2 responses.");

  const policy = page.getByRole("form", { name: "Qualification" });
  await policy.getByRole("checkbox", { name: /must pass the qualification round/ }).check();
  await policy.getByLabel("Pass mark (percent of known answers)").fill("100");
  await policy.getByRole("button", { name: "Save qualification" }).click();
  await expect(policy.getByText("Qualification saved: real batches open to reviewers once they pass the qualification round.")).toBeVisible();

  const batch = page.getByRole("form", { name: "New batch" });
  await batch.getByLabel("Batch name").fill("Practice");
  await page.getByText(/Other reviewers on this site/).click();
  await page.getByRole("checkbox", { name: /Dr\. Kwame Osei/ }).check();
  await page.getByRole("checkbox", { name: /Qualification round/ }).check();
  await page.getByRole("button", { name: "Create and assign batch" }).click();
  await expect(page.getByText("Assigned 1 items as 1 assignments.")).toBeVisible();
  await page.reload();
  await batch.getByLabel("Batch name").fill("Real");
  await page.getByRole("checkbox", { name: /Dr\. Kwame Osei/ }).check();
  await page.getByRole("button", { name: "Create and assign batch" }).click();
  await expect(page.getByText("Assigned 1 items as 1 assignments.")).toBeVisible();

  const reviewer = await browser.newPage();
  await loginAs(reviewer, USERS.reviewer1);
  await reviewer.goto(`/queue?project=${SLUG}`);
  await expect(reviewer.getByTestId("qualification-notice").filter({ hasText: `Qualify ${RUN}` })).toContainText("qualification round “Practice”, attempt 1 of 2 — 1 practice item(s) to go");
  await expect(reviewer.getByRole("region", { name: `Qualify ${RUN} / Real` })).toHaveCount(0);
  await reviewer.getByRole("region", { name: `Qualify ${RUN} / Practice` }).getByRole("link").first().click();
  await reviewer.waitForURL("**/review/**");
  await expect(reviewer.getByTestId("practice-panel")).toContainText("This item has a known answer");
  await expect(reviewer.getByText("Reye syndrome")).toHaveCount(0);

  await rateEveryAxis(reviewer);
  await reviewer.getByTestId("submit").click();
  const panel = reviewer.getByTestId("practice-panel");
  await expect(panel.getByTestId("practice-score")).toHaveText("1 of 1 known answer(s) matched.");
  await expect(panel.getByRole("row", { name: /Scientific consensus/ })).toContainText("Aligned with consensus");
  await expect(panel.getByRole("row", { name: /Scientific consensus/ })).toContainText("✓ Correct");
  await expect(panel.locator("strong", { hasText: "Reye syndrome" })).toBeVisible();
  await reviewer.screenshot({ path: info.outputPath("practice-feedback.png"), fullPage: true });

  await reviewer.goto(`/queue?project=${SLUG}`);
  await expect(reviewer.getByTestId("qualification-notice").filter({ hasText: `Qualify ${RUN}` })).toContainText("You passed the qualification round");
  await expect(reviewer.getByRole("region", { name: `Qualify ${RUN} / Real` })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("members").getByRole("listitem").filter({ hasText: USERS.reviewer1 }).getByTestId("member-qualified")).toBeVisible();
});
