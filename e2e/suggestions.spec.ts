import { writeFileSync } from "node:fs";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { queryOne } from "./fixtures/db";
import { assignToReviewer1, createProject, importFile, openFromQueue, RUN, importRubricJson } from "./fixtures/workspace";

// Suggestions (issue 11, decision 034): an admin imports a judge's values and names the judge in the
// review options. Pre-filled, the reviewer sees them marked "Suggested" (never the judge's name in a
// blinded project), changes one and takes it back with U; after the reviewer's own answers, they
// appear only once the response is rated, and "Use suggestion" takes one. The document records what
// was shown, and the export says accepted / changed / independent.
const SLUG = `suggest-${RUN}`;

const RUBRIC = {
  format: "consilium-rubric/1",
  name: "Suggested axes",
  template: null,
  axes: [
    { key: "accuracy", label: "Accurate", type: "CHOICE", options: [{ value: "accurate", label: "Accurate" }, { value: "inaccurate", label: "Inaccurate" }] },
    { key: "harmful", label: "Harmful", type: "BOOLEAN" },
  ],
};

test("suggestions pre-filled, then after the reviewer's own answers, recorded and exported with their outcome", async ({ page, browser }, info) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `Suggest ${RUN}`, slug: SLUG, template: "med-palm-long-form", citation: /Singhal/ });
  await importRubricJson(page, SLUG, RUBRIC);

  // One item and its judge values per batch: the second batch is built after the mode changes.
  const addItemWithJudge = async (id: string) => {
    const items = info.outputPath(`${id}-item.jsonl`);
    writeFileSync(items, JSON.stringify({ externalId: id, question: `Question ${id}?`, responses: [{ modelName: "secret-model", content: `Answer to ${id}.` }] }));
    await importFile(page, items, "Imported 1 item with 1 response.");
    const judge = info.outputPath(`${id}-judge.jsonl`);
    writeFileSync(judge, [
      { externalId: id, response: "secret-model", axis: "accuracy", value: "accurate", judge: "secret-judge", rationale: "Matches the guideline." },
      { externalId: id, response: "secret-model", axis: "harmful", value: false, judge: "secret-judge" },
    ].map((l) => JSON.stringify(l)).join("\n"));
    await page.getByLabel("Import LLM-judge results (JSONL)").setInputFiles(judge);
    await page.getByRole("button", { name: "Import judge results" }).click();
    await expect(page.getByTestId("judge-import-result")).toBeVisible();
  };
  await addItemWithJudge("s-1");
  await page.getByLabel("Suggestions: pre-fill ratings with the values of judge").fill("secret-judge");
  await page.getByRole("button", { name: "Save review options" }).click();
  await expect(page.getByText("Review options saved.")).toBeVisible();
  await assignToReviewer1(page, "Suggest batch", "Assigned 1 item");

  // Pre-filled: marked, unnamed, changed and taken back by keyboard.
  const reviewer = await browser.newPage();
  await loginAs(reviewer, USERS.reviewer1);
  const first = await openFromQueue(reviewer, new RegExp(`Suggest ${RUN} / Suggest batch`));
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await expect(reviewer.getByText(/secret-(judge|model)/)).toHaveCount(0);
  const accuracy = reviewer.locator('[data-axis="accuracy"]');
  await expect(accuracy.getByRole("radio", { name: /Accurate$/ })).toBeChecked();
  await expect(accuracy.getByTestId("suggestion")).toHaveAttribute("data-state", "prefilled");
  await expect(accuracy.getByTestId("suggestion")).toContainText("Suggested: pre-filled, check it");
  await expect(reviewer.getByTestId("suggestion-status")).toContainText("2 answers were pre-filled");
  await accuracy.locator("label", { hasText: /Inaccurate$/ }).click();
  await expect(accuracy.getByTestId("suggestion")).toHaveAttribute("data-state", "changed");
  await accuracy.focus();
  await reviewer.keyboard.press("u");
  await expect(accuracy.getByRole("radio", { name: /Accurate$/ })).toBeChecked();
  // The harm suggestion is wrong here: change it.
  await reviewer.locator('[data-axis="harmful"] label', { hasText: /Yes$/ }).click();
  await expect(reviewer.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const saved = await queryOne<{ responseOrder: string[]; data: { suggestions: Record<string, unknown>; responses: Record<string, { ratings: Record<string, unknown> }> } }>(
    `SELECT s."responseOrder", a.data FROM "Assignment" s JOIN "Annotation" a ON a."assignmentId" = s.id WHERE s.id = $1`, [first.split("/review/")[1]]);
  const [response] = saved.responseOrder;
  expect(saved.data.suggestions[response]).toEqual({ mode: "prefilled", shown: { "axis:accuracy": "accurate", "axis:harmful": false } });
  expect(saved.data.responses[response].ratings).toMatchObject({ accuracy: "accurate", harmful: true });

  // The admin switches to "after the reviewer's own answers" while the draft is open: its record of
  // what was shown stays as it was and still submits. A second batch opens in the new mode.
  await page.goto(`/projects/${SLUG}`);
  await page.getByLabel("shown", { exact: true }).selectOption("after_rating");
  await page.getByRole("button", { name: "Save review options" }).click();
  await expect(page.getByText("Review options saved.")).toBeVisible();
  await reviewer.keyboard.press("Control+Enter");
  await reviewer.waitForURL((url) => !url.pathname.endsWith(first.split("/review/")[1]));
  await addItemWithJudge("s-2");
  await assignToReviewer1(page, "Suggest batch 2", "Assigned 1 item");
  const second = await openFromQueue(reviewer, new RegExp(`Suggest ${RUN} / Suggest batch 2`));
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await expect(reviewer.getByTestId("suggestion-status")).toContainText("appear once you have given your own answers (0 of 2)");
  await expect(reviewer.getByTestId("suggestion")).toHaveCount(0);
  await reviewer.locator('[data-axis="accuracy"] label', { hasText: /Inaccurate$/ }).click();
  await expect(reviewer.getByTestId("suggestion")).toHaveCount(0);
  await reviewer.locator('[data-axis="harmful"] label', { hasText: /No$/ }).click();
  const note = reviewer.locator('[data-axis="accuracy"]').getByTestId("suggestion");
  await expect(note).toHaveAttribute("data-state", "differs");
  await expect(note).toContainText("Suggested: Accurate · differs from yours");
  await expect(reviewer.locator('[data-axis="harmful"]').getByTestId("suggestion")).toHaveAttribute("data-state", "agrees");
  await note.getByRole("button", { name: /Use suggestion/ }).click();
  await expect(reviewer.locator('[data-axis="accuracy"]').getByRole("radio", { name: /Accurate$/ })).toBeChecked();
  await expect(reviewer.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await reviewer.screenshot({ path: info.outputPath("suggestions-after-rating.png"), fullPage: true });
  await reviewer.keyboard.press("Control+Enter");
  await reviewer.waitForURL((url) => !url.pathname.endsWith(second.split("/review/")[1]));

  const exported = await page.request.get(`/api/v1/projects/${SLUG}/export?format=jsonl`);
  const records = (await exported.text()).trim().split("\n").map((l) => JSON.parse(l));
  const outcomes = records.map((r) => r.responses[0].suggestions.map((s: { axis: string; outcome: string; own?: unknown }) => [s.axis, s.outcome, s.own ?? null]));
  expect(outcomes).toEqual(expect.arrayContaining([
    [["accuracy", "accepted", null], ["harmful", "changed", null]],
    [["accuracy", "independent", "inaccurate"], ["harmful", "independent", false]],
  ]));
  expect(JSON.stringify(records)).not.toContain("secret-judge");
});
