import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { expectAccessible, seriousViolations } from "./fixtures/a11y";
import { queryOne } from "./fixtures/db";

// Issue 12, accessibility: axe-core finds no serious or critical WCAG 2.1 A/AA violation on the
// pages of each role, including the review page of every demo tool (rubric, pairwise, ranking,
// per-turn ratings, suggestions) as the reviewer first sees it.

test("the check finds a violation when there is one (an image without text, an unlabelled field)", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>`);
  expect((await seriousViolations(page)).map((v) => v.split(" ")[0]).sort()).toEqual(["image-alt", "label"]);
});

test("sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page, "/login");
});

// Two tests rather than one: each page's axe run takes seconds, and one test for all of them came
// close to the per-test timeout on a busy 2-core machine.
test("admin pages", async ({ page }) => {
  await loginAs(page, USERS.admin);
  for (const path of ["/projects", "/projects/new", "/admin/users", "/admin/audit", "/account", "/projects/consumer-health-qa", "/projects/consumer-health-qa/items",
    "/projects/consumer-health-qa/progress", "/projects/consumer-health-qa/rubric", "/notifications"]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});

test("admin pages of projects: adjudication, results, rubric, webhooks, translations", async ({ page }) => {
  await loginAs(page, USERS.admin);
  for (const path of ["/projects/consumer-health-qa/adjudication", "/projects/consumer-health-qa/results",
    "/projects/ranking-showcase/results", "/projects/turns-showcase/results", "/projects/suggestions-showcase", "/projects/turns-showcase/rubric",
    "/projects/consumer-health-qa/webhooks", "/projects/consumer-health-qa/translations?locale=ar", "/projects/trajectory-showcase/results"]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});

test("an item's page and a batch's page", async ({ page }) => {
  await loginAs(page, USERS.admin);
  const { itemId, batchId } = await queryOne<{ itemId: string; batchId: string }>(
    `SELECT s."itemId", s."batchId" FROM "Assignment" s JOIN "Batch" b ON b.id = s."batchId" WHERE b.name = 'Pilot' ORDER BY s."displayOrder" LIMIT 1`, []);
  for (const path of [`/projects/consumer-health-qa/items/${itemId}`, `/projects/consumer-health-qa/batches/${batchId}`]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});

// (axe-core's Playwright runner needs the test's own page: a page from browser.newPage() is refused.)
test("the researcher's view of projects and results", async ({ page }) => {
  await loginAs(page, USERS.researcher);
  for (const path of ["/projects", "/projects/consumer-health-qa", "/projects/suggestions-showcase/results"]) {
    await page.goto(path);
    await expectAccessible(page, `researcher ${path}`);
  }
});

test("reviewer pages: the queue and a review of every demo tool", async ({ page }) => {
  await loginAs(page, USERS.reviewer1);
  await page.goto("/queue");
  await expectAccessible(page, "/queue");
  for (const batch of ["Pilot", "Ranking demo", "Turns demo", "Suggestions demo", "Arguments demo"]) {
    const { id } = await queryOne<{ id: string }>(
      `SELECT s.id FROM "Assignment" s JOIN "Batch" b ON b.id = s."batchId" JOIN "User" u ON u.id = s."reviewerId" WHERE b.name = $1 AND lower(u.email) = $2 ORDER BY s."displayOrder" LIMIT 1`,
      [batch, USERS.reviewer1],
    );
    await page.goto(`/review/${id}`);
    await expect(page.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
    await expectAccessible(page, `review (${batch})`);
  }
});
