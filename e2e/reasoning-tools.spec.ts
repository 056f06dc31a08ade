import { openQueuedItem } from "./fixtures/queue";
import { expect, loginAs, test, USERS } from "./fixtures/auth";

// Issue 8: reasoning steps and reference statements on the review page, by keyboard; labels survive a
// reload; results for the study team; an admin re-segments a labelled response without remapping labels.
test.describe.configure({ mode: "serial" });
const GROUP = /Reasoning steps and reference statements \(demo\) \/ Demo/;

function openStepsItem(page: import("@playwright/test").Page, withStatements: boolean) {
  return openQueuedItem(page, "steps-showcase", GROUP, async () => (await page.getByTestId("reference-statements").count() > 0) === withStatements);
}

test("a reviewer labels every step, the answer questions and reference statements from the keyboard, and submits", async ({ page }) => {
  await loginAs(page, USERS.reviewer1);
  const url = await openStepsItem(page, true);
  const cards = page.getByTestId("response");
  await expect(cards).toHaveCount(2);
  await expect(page.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  // The step list replaces the collapsed trace; keys go to the focused block.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("j"); // first block: Response A's first step
  await expect(page.locator(":focus")).toHaveAttribute("data-nav", "step");
  for (let c = 0; c < 2; c++) {
    const card = cards.nth(c);
    const steps = await card.locator('[data-nav="step"]').count();
    expect(steps).toBeGreaterThanOrEqual(3);
    for (let s = 0; s < steps; s++) {
      if (s === 1) {
        // Incorrect keeps the focus on the step: severity 8 (major), E opens error types, Space ticks the first.
        await page.keyboard.press("2");
        await page.keyboard.press("8");
        await page.keyboard.press("e");
        await page.keyboard.press(" ");
        await page.keyboard.press("j");
      } else {
        await page.keyboard.press("1"); // correct, and on to the next block
      }
    }
    await expect(card.getByTestId("steps-progress")).toHaveText(`${steps}/${steps} labelled`);
    await expect(card.locator('[data-step="2"]')).toContainText("Major");
    await page.keyboard.press("y"); // final answer correct
    await page.keyboard.press("n"); // reasoning does not support it
    await page.keyboard.press("j"); // past the optional overall axis
    // Reference statements: covered, partly covered, not covered.
    const statements = await card.locator('[data-nav="statement"]').count();
    for (let s = 0; s < statements; s++) await page.keyboard.press(String((s % 3) + 1));
    await expect(card.getByTestId("statements-progress")).toHaveText(`${statements}/${statements} marked`);
    // The optional overall axis and confidence: skip past them to the next card.
    while (c === 0 && (await page.locator(":focus").getAttribute("data-nav")) !== "step") await page.keyboard.press("j");
  }
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  // Labels survive a reload (autosave, the same document as every other tool).
  await page.reload();
  await expect(page.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await expect(cards.first().getByTestId("steps-progress")).toContainText("labelled");
  const done = await cards.first().getByTestId("steps-progress").textContent();
  expect(done).toMatch(/^(\d+)\/\1 labelled$/);
  await page.keyboard.press("Control+Enter");
  await page.waitForURL((u) => u.href !== url);

  await loginAs(page, USERS.researcher);
  await page.goto("/projects/steps-showcase/quality");
  await expect(page.getByTestId("step-results")).toContainText("demo-model");
  await expect(page.getByTestId("step-results").locator('[data-col="rawr"]').first()).toContainText("1/1");
  await expect(page.getByTestId("reference-recall")).toContainText("demo-model");
  const steps = await page.request.get("/api/v1/projects/steps-showcase/export?format=steps");
  expect(steps.status()).toBe(200);
  const records = (await steps.text()).trim().split("\n").map((l) => JSON.parse(l));
  expect(records.length).toBeGreaterThanOrEqual(6);
  expect(records.filter((r) => r.step === 2).every((r) => r.verdict === "incorrect" && r.severity === "major" && r.errorTypes.length === 1)).toBe(true);
});

test("an admin merges steps of a labelled response: a new version, the reviewer's labels stay on theirs", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto("/projects/steps-showcase");
  await page.getByTestId("steps-link").click();
  const records = await (await page.request.get("/api/v1/projects/steps-showcase/export?format=steps")).text();
  const labelled = JSON.parse(records.trim().split("\n")[0]);
  await page.getByTestId("steps-item").fill(labelled.externalId);
  await page.getByRole("button", { name: "Show its steps" }).click();
  const section = page.getByTestId("segmentation").filter({ hasText: labelled.modelName }).first();
  await expect(section).toContainText("carries reviewers' labels");
  const before = await section.getByTestId("segment").count();
  await section.getByTestId("merge-next").first().click();
  await expect(section.getByTestId("segment")).toHaveCount(before - 1);
  await section.getByRole("button", { name: "Save segmentation" }).click();
  await expect(section.getByTestId("form-success")).toContainText(/Saved as segmentation version [2-9]/);
  // The export still names the labels' own version with its steps.
  const after = (await (await page.request.get("/api/v1/projects/steps-showcase/export?format=steps")).text()).trim().split("\n").map((l) => JSON.parse(l));
  expect(after.filter((r) => r.responseId === labelled.responseId && r.annotationId === labelled.annotationId)).toHaveLength(labelled.stepCount);
});
