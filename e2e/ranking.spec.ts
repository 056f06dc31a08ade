import { writeFileSync } from "node:fs";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { queryOne } from "./fixtures/db";
import { assignToReviewer1, createProject, importFile, openFromQueue, RUN } from "./fixtures/workspace";

// Ranking (issue 11, decision 029): a reviewer orders four blinded answers by keyboard and by drag,
// ties two of them, and the ranking autosaves as Response.ids, survives a reload, and names no model.
const SLUG = `ranking-${RUN}`;
const MODELS = ["m-alpha", "m-beta", "m-gamma", "m-delta"];

test("rank four answers by keyboard and drag, with a tie; autosaved by response id and kept across a reload", async ({ page, browser }, info) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `Ranking ${RUN}`, slug: SLUG, template: "med-palm-2-ranking", citation: /Singhal/ });
  const file = info.outputPath("ranking-items.jsonl");
  writeFileSync(file, JSON.stringify({ externalId: "rank-1", question: "What should a patient with new chest pain do?", responses: MODELS.map((modelName, i) => ({ modelName, content: `Answer number ${i + 1} from the model.` })) }));
  await importFile(page, file, "Imported 1 item with 4 responses.");
  await assignToReviewer1(page, "Ranking batch", "Assigned 1 item");

  const reviewer = await browser.newPage();
  await loginAs(reviewer, USERS.reviewer1);
  const url = await openFromQueue(reviewer, new RegExp(`Ranking ${RUN} / Ranking batch`));
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  const panel = reviewer.getByTestId("ranking-usefulness");
  const rows = panel.getByTestId("ranking-usefulness-row");
  const order = async () => rows.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")));
  await expect(rows).toHaveCount(4);
  expect(await order()).toEqual(["Response A, not ranked yet", "Response B, not ranked yet", "Response C, not ranked yet", "Response D, not ranked yet"]);
  for (const model of MODELS) await expect(reviewer.getByText(model)).toHaveCount(0); // blinded

  // Keyboard: keep the shown order, move A down one place, go to C and tie it with A.
  await rows.first().focus();
  await reviewer.keyboard.press("o");
  await reviewer.keyboard.press("Alt+ArrowDown");
  expect(await order()).toEqual(["Response B, rank 1", "Response A, rank 2", "Response C, rank 3", "Response D, rank 4"]);
  await reviewer.keyboard.press("ArrowDown");
  await reviewer.keyboard.press("=");
  expect(await order()).toEqual(["Response B, rank 1", "Response A, rank 2", "Response C, rank 2, tied with the one above", "Response D, rank 4"]);
  // A digit puts the focused response at that place: C first.
  await reviewer.keyboard.press("1");
  expect(await order()).toEqual(["Response C, rank 1", "Response B, rank 2", "Response A, rank 3", "Response D, rank 4"]);
  // Drag: D onto B puts D before B.
  await rows.filter({ hasText: "Response D" }).dragTo(rows.filter({ hasText: "Response B" }));
  const final = ["Response C, rank 1", "Response D, rank 2", "Response B, rank 3", "Response A, rank 4"];
  expect(await order()).toEqual(final);
  await expect(reviewer.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  const { responseOrder, data } = await queryOne<{ responseOrder: string[]; data: { ranking: { tiers: Record<string, string[][]> } } }>(
    `SELECT s."responseOrder", a.data FROM "Assignment" s JOIN "Annotation" a ON a."assignmentId" = s.id WHERE s.id = $1`, [url.split("/review/")[1]]);
  const [a, b, c, d] = responseOrder;
  expect(data.ranking.tiers.usefulness).toEqual([[c], [d], [b], [a]]);

  await reviewer.reload();
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  expect(await order()).toEqual(final);
  await reviewer.screenshot({ path: info.outputPath("ranking.png"), fullPage: true });
});
