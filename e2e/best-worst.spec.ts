import { writeFileSync } from "node:fs";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { queryOne } from "./fixtures/db";
import { createProject, importFile, openFromQueue, RUN, importRubricJson } from "./fixtures/workspace";

// Best–worst scaling (issue 11, decision 032): an admin imports a rubric with a best–worst axis as JSON,
// builds a batch that shows each reviewer three of five answers, and the reviewer picks the best and the
// worst by mouse and keyboard; the choice autosaves by response id and survives a reload.
const SLUG = `bws-${RUN}`;

test("best and worst of three shown answers, by mouse and keyboard, autosaved by response id", async ({ page, browser }, info) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `BWS ${RUN}`, slug: SLUG, template: "med-palm-2-ranking", citation: /Singhal/ });
  await importRubricJson(page, SLUG, { format: "consilium-rubric/1", name: "Best–worst", template: null, axes: [{ key: "quality", label: "Overall quality", type: "CHOICE", appliesTo: "BEST_WORST" }] });

  const file = info.outputPath("bws-items.jsonl");
  writeFileSync(file, JSON.stringify({ externalId: "bws-1", question: "Which answer is best for a patient with a sore throat?", responses: ["m1", "m2", "m3", "m4", "m5"].map((modelName, i) => ({ modelName, content: `Answer ${i + 1}.` })) }));
  await importFile(page, file, "Imported 1 item with 5 responses.");
  await page.getByLabel("Batch name").fill("BWS batch");
  await page.getByLabel("Responses shown (optional)").fill("3");
  const others = page.getByText(/Other reviewers on this site/);
  if (await others.count()) await others.click();
  await page.getByRole("checkbox", { name: /Dr\. Kwame Osei/ }).check();
  await page.getByRole("button", { name: "Create and assign batch" }).click();
  await expect(page.getByText("Assigned 1 item")).toBeVisible();

  const reviewer = await browser.newPage();
  await loginAs(reviewer, USERS.reviewer1);
  const url = await openFromQueue(reviewer, new RegExp(`BWS ${RUN} / BWS batch`));
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  const panel = reviewer.getByTestId("best-worst-quality");
  const best = panel.getByRole("group", { name: "Best" });
  const worst = panel.getByRole("group", { name: "Worst" });
  await expect(best.getByRole("radio")).toHaveCount(3); // a subset of three of the five answers
  await best.getByRole("radio", { name: /Response B/ }).check();
  // Keyboard: the worst starts on Response A and moves right to C.
  await worst.getByRole("radio", { name: /Response A/ }).check();
  await reviewer.keyboard.press("ArrowRight");
  await expect(worst.getByRole("radio", { name: /Response B/ })).toBeChecked();
  await expect(best.getByRole("radio", { name: /Response B/ })).not.toBeChecked(); // one response cannot be both
  await best.getByRole("radio", { name: /Response A/ }).check();
  await expect(reviewer.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  const { responseOrder, data } = await queryOne<{ responseOrder: string[]; data: { ranking: { bestWorst: Record<string, { best: string; worst: string }> } } }>(
    `SELECT s."responseOrder", a.data FROM "Assignment" s JOIN "Annotation" a ON a."assignmentId" = s.id WHERE s.id = $1`, [url.split("/review/")[1]]);
  expect(responseOrder).toHaveLength(3);
  expect(data.ranking.bestWorst.quality).toEqual({ best: responseOrder[0], worst: responseOrder[1] });

  await reviewer.reload();
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await expect(best.getByRole("radio", { name: /Response A/ })).toBeChecked();
  await expect(worst.getByRole("radio", { name: /Response B/ })).toBeChecked();
});
