import path from "node:path";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { queryAll } from "./fixtures/db";
import { createProject, importFile, RUN } from "./fixtures/workspace";

// Adjudication (issue 10): two reviewers disagree, an adjudicator (a reviewer account with the project
// role) finds the item in the disagreement queue, sees the answers side by side with the reviewers
// numbered, and records a decided consensus. The reviews are saved through the API the review page
// uses (the review page itself is covered elsewhere); the adjudication is the point here.
const SLUG = `adjudicate-${RUN}`;

test("an adjudicator resolves a disagreement between two reviewers", async ({ page, browser }) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `Adjudication ${RUN}`, slug: SLUG, template: "med-palm-long-form", citation: /Singhal/ });
  await importFile(page, path.join(import.meta.dirname, "fixtures/items.jsonl"), "Imported 3 items with 6 responses.");
  await page.getByLabel("Batch name").fill("Double review");
  await page.getByRole("form", { name: "New batch" }).getByLabel("Reviewers per item").fill("2");
  await page.getByText(/Other reviewers on this site/).click();
  for (const name of [/Dr\. Kwame Osei/, /Dr\. Sara Lindqvist/]) await page.getByRole("checkbox", { name }).check();
  await page.getByRole("button", { name: "Create and assign batch" }).click();
  await expect(page.getByText("Assigned 3 items as 6 assignments.")).toBeVisible();
  const members = page.locator("section", { has: page.getByRole("heading", { name: "Members" }) });
  await members.getByLabel("Member email").fill(USERS.reviewer3);
  await members.getByLabel("Member role").selectOption("ADJUDICATOR");
  await members.getByRole("button", { name: "Add member" }).click();
  await expect(members.getByText(`Added ${USERS.reviewer3}.`)).toBeVisible();

  // Both reviewers submit every item: the same answers, except the first axis of the first item.
  const axes = await queryAll<{ key: string; options: Array<{ value: string }> }>(
    `SELECT x.key, x.options FROM "RubricAxis" x JOIN "Rubric" r ON r.id = x."rubricId" JOIN "Project" p ON p.id = r."projectId" WHERE p.slug = $1 ORDER BY x.position`, [SLUG]);
  for (const [who, disagreeing] of [[USERS.reviewer1, false], [USERS.reviewer2, true]] as const) {
    const reviewer = await browser.newPage();
    await loginAs(reviewer, who);
    const assignments = await queryAll<{ id: string; externalId: string; responseOrder: string[] }>(
      `SELECT s.id, i."externalId", s."responseOrder" FROM "Assignment" s JOIN "Item" i ON i.id = s."itemId" JOIN "User" u ON u.id = s."reviewerId" JOIN "Batch" b ON b.id = s."batchId" JOIN "Project" p ON p.id = b."projectId" WHERE p.slug = $1 AND u.email = $2`, [SLUG, who]);
    for (const a of assignments) {
      const ratings = Object.fromEntries(axes.map((x, i) => [x.key, x.options[disagreeing && i === 0 && a.externalId === "e2e-1" ? x.options.length - 1 : 0].value]));
      const data = { responses: Object.fromEntries(a.responseOrder.map((id) => [id, { ratings, comments: {} }])), item: { ratings: {}, comments: {} }, overallComment: "" };
      const res = await reviewer.request.put(`/api/v1/assignments/${a.id}/annotation`, { data: { baseVersion: 0, clientMutationId: `e2e-${a.id}`, data, submit: true } });
      expect([a.externalId, res.status()]).toEqual([a.externalId, 200]);
    }
    await reviewer.close();
  }

  const adjudicator = await browser.newPage();
  await loginAs(adjudicator, USERS.reviewer3);
  await adjudicator.goto(`/projects/${SLUG}`);
  await adjudicator.getByTestId("adjudication-link").click();
  await expect(adjudicator.getByTestId("queue-summary")).toContainText("1 of 3 item(s) with two or more submitted reviews disagree");
  await adjudicator.getByTestId("disagreement-queue").getByRole("link", { name: "e2e-1" }).click();
  const table = adjudicator.getByTestId("consensus-table");
  await expect(table.getByRole("columnheader", { name: "Reviewer 1" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /Dr\./ })).toHaveCount(0); // names are for managers
  await expect(table.locator("tr[data-disputed]")).toHaveCount(2); // the first axis, for each response
  await adjudicator.getByRole("button", { name: "Reviewer 2's answers" }).click();
  await adjudicator.getByRole("button", { name: "Save as decided" }).click();
  await expect(adjudicator.getByText("Consensus decided (version 1).")).toBeVisible();
  await adjudicator.goto(`/projects/${SLUG}/adjudication`);
  await expect(adjudicator.getByTestId("queue-entry")).toContainText("decided");
});
