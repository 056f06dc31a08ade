import { writeFileSync } from "node:fs";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { queryOne } from "./fixtures/db";
import { assignToReviewer1, createProject, importFile, openFromQueue, RUN, importRubricJson } from "./fixtures/workspace";

// Pairwise over three responses (issue 11, decision 035): the reviewer compares every pair of the
// responses shown, by mouse and keyboard; each choice autosaves by Response.id under its pair, and a
// pair left undecided at submit is listed and linked.
const SLUG = `pairs-${RUN}`;

test("every pair of three blinded answers compared, by mouse and keyboard, saved per pair", async ({ page, browser }, info) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `Pairs ${RUN}`, slug: SLUG, template: "med-palm-2-pairwise", citation: /Singhal/ });
  await importRubricJson(page, SLUG, { format: "consilium-rubric/1", name: "One pairwise axis", template: null, axes: [{ key: "better", label: "Which answer is better?", type: "CHOICE", appliesTo: "PAIR", options: [{ value: "A", label: "A" }, { value: "tie", label: "Tie" }, { value: "B", label: "B" }] }] });
  const file = info.outputPath("pairs-items.jsonl");
  writeFileSync(file, JSON.stringify({ externalId: "pairs-1", question: "How should I treat a mild burn?", responses: ["secret-x", "secret-y", "secret-z"].map((modelName, i) => ({ modelName, content: `Answer ${i + 1}.` })) }));
  await importFile(page, file, "Imported 1 item with 3 responses.");
  await assignToReviewer1(page, "Pairs batch", "Assigned 1 item");

  const reviewer = await browser.newPage();
  await loginAs(reviewer, USERS.reviewer1);
  const url = await openFromQueue(reviewer, new RegExp(`Pairs ${RUN} / Pairs batch`));
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await expect(reviewer.getByText(/secret-/)).toHaveCount(0);
  const panels = reviewer.getByTestId("pairwise");
  await expect(panels).toHaveCount(3);
  await expect(panels.nth(0).getByRole("heading")).toHaveText(/Compare Response A and Response B\s*pair 1 of 3/);
  await expect(panels.nth(1).getByRole("heading")).toHaveText(/Compare Response A and Response C/);
  await expect(panels.nth(2).getByRole("heading")).toHaveText(/Compare Response B and Response C/);

  // Mouse on the first pair; keyboard (B) on the second.
  await panels.nth(0).locator("label", { hasText: /Response A$/ }).click();
  await panels.nth(1).locator('[data-axis="better"]').focus();
  await reviewer.keyboard.press("b");
  await expect(panels.nth(1).getByRole("radio", { name: /Response C$/ })).toBeChecked();
  await expect(reviewer.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  // Submit with the third pair undecided: listed and linked.
  await reviewer.keyboard.press("Control+Enter");
  const problem = reviewer.getByTestId("submit-problems").getByRole("button", { name: 'Comparison B–C: "Which answer is better?" is required.' });
  await problem.click();
  await expect(panels.nth(2).locator('[data-axis="better"]')).toBeFocused();
  await reviewer.keyboard.press("t");
  await expect(reviewer.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  const { responseOrder, data } = await queryOne<{ responseOrder: string[]; data: { pair: { ratings: Record<string, string> }; morePairs: Record<string, { ratings: Record<string, string> }> } }>(
    `SELECT s."responseOrder", a.data FROM "Assignment" s JOIN "Annotation" a ON a."assignmentId" = s.id WHERE s.id = $1`, [url.split("/review/")[1]]);
  const [a, b, c] = responseOrder;
  expect(data.pair.ratings).toEqual({ better: a });
  expect(data.morePairs).toEqual({ [`${a}~${c}`]: { ratings: { better: c }, comments: {}, strength: {} }, [`${b}~${c}`]: { ratings: { better: "tie" }, comments: {}, strength: {} } });
  await reviewer.reload();
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await expect(panels.nth(2).getByRole("radio", { name: /Tie$/ })).toBeChecked();
});
