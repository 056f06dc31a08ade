import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { expectAccessible } from "./fixtures/a11y";

// Issue 13, metadata for analysis: the robustness demo (prisma/demo/robustness-showcase.ts) has
// originals with perturbed and translated variants, analysis fields on items and responses, and one
// physician's submitted reviews. The researcher compares variants with originals, narrows every
// figure to one patient group, breaks the results down by variant and downloads the same as CSV.
test("variants against originals, a segment filter and a breakdown on the results page", async ({ page }) => {
  await loginAs(page, USERS.researcher);
  await page.goto("/projects/robustness-showcase/results");

  // aurora-med-8b answers every original right and three of the four age-perturbed copies wrong.
  const variants = page.getByTestId("variant-pairs");
  const aurora = variants.locator('tr[data-outcome="auto:correct"][data-model="aurora-med-8b"]', { hasText: "age-perturbed" });
  await expect(aurora.locator("td").nth(3)).toHaveText("4");
  await expect(aurora.locator('[data-col="original"]')).toHaveText("100.0 %");
  await expect(aurora.locator('[data-col="variant"]')).toHaveText("25.0 %");
  await expect(aurora.locator('[data-col="discordant"]')).toHaveText("3 / 0");
  await expect(aurora.locator('[data-col="p"]')).toHaveText("0.250 (exact)");
  await expect(page.getByText(/McNemar Q\. Psychometrika 1947/)).toBeVisible();
  // The reviewer's ratings give the same comparison on "Final answer correct" (rated yes exactly when right).
  await expect(variants.locator('tr[data-outcome="final_answer_correct"][data-model="aurora-med-8b"]', { hasText: "age-perturbed" }).locator('[data-col="discordant"]')).toHaveText("3 / 0");
  await expect(page.getByTestId("results-basis")).toContainText("14 submitted annotations of 14 items by 1 reviewer");

  // One patient group: every figure narrows (3 items are about women 65+).
  await page.getByLabel("Analysis field").selectOption({ label: "women 65+ (3)" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/segment=group%3Awomen\+65%2B/);
  await expect(page.getByTestId("results-basis")).toContainText("3 submitted annotations of 3 items by 1 reviewer");
  const finalAnswer = page.locator('[data-testid="axis-result"][data-axis="final_answer_correct"]');
  await expect(finalAnswer.locator("tbody tr")).toHaveCount(2);

  // Breakdown by a response field with ranges: each row links to the results narrowed to it.
  await page.getByLabel("Analysis field").selectOption("");
  await page.getByLabel("Break down by").selectOption({ label: "Prompt" });
  await page.getByRole("button", { name: "Apply" }).click();
  const breakdown = page.getByTestId("breakdown");
  await expect(breakdown).toHaveAttribute("data-field", "prompt");
  await expect(breakdown.locator('tr[data-segment="prompt:plain"]')).toHaveCount(1);
  await expect(breakdown.locator('tr[data-segment="prompt:plain"]')).toHaveAttribute("data-model", "aurora-med-8b");
  await expect(breakdown.locator('tr[data-segment="prompt:clinician-persona"]')).toHaveAttribute("data-model", "borealis-clinical-70b");
  await expectAccessible(page, "results with breakdown and variants");
  await breakdown.getByRole("link", { name: "plain" }).click();
  await expect(page).toHaveURL(/segment=prompt%3Aplain/);
  await expect(page.locator('[data-testid="axis-result"][data-axis="final_answer_correct"] tbody tr')).toHaveCount(1);

  // The CSV download carries the same comparison.
  const csv = await (await page.request.get("/api/v1/projects/robustness-showcase/results?format=csv")).text();
  expect(csv).toContain("variant_pairs,auto:correct,aurora-med-8b,age-perturbed,mcnemar_p,exact-binomial,");
});
