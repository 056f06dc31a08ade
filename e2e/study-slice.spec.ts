import path from "node:path";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import type { Page } from "@playwright/test";

// The whole first study, through the UI, as three different users.
test.describe.configure({ mode: "serial" });

const SLUG = `e2e-study-${Date.now().toString(36)}`;
const FIXTURES = path.join(import.meta.dirname, "fixtures");

async function rateEveryAxis(page: Page, opts: { limit?: number } = {}) {
  const groups = await page.getByRole("radiogroup").all();
  const list = opts.limit ? groups.slice(0, opts.limit) : groups;
  for (const group of list) await group.locator("label").first().click();
  return list.length;
}

test("admin creates a blinded project from the Med-PaLM template", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto("/projects/new");
  await page.getByLabel("Name", { exact: true }).fill("E2E blinded study");
  await page.getByLabel("Slug (used in URLs and the CLI)").fill(SLUG);
  await expect(page.getByLabel("Rubric template")).toHaveValue("med-palm-long-form");
  await expect(page.getByText("Large language models encode clinical knowledge")).toBeVisible();
  await page.getByLabel("Guidelines for reviewers (markdown)").fill("## Rate carefully\nUse **every** axis.");
  await page.getByLabel("Reviewers per item").fill("2");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(`**/projects/${SLUG}`);
  await expect(page.getByTestId("project-name")).toHaveText("E2E blinded study");
  await expect(page.getByText("Blinded · 2 reviewer(s) per item")).toBeVisible();
});

test("admin imports items: a bad file is refused whole with line numbers, a good file imports", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${SLUG}`);
  await page.getByLabel("Import items (JSONL, one item per line)").setInputFiles(path.join(FIXTURES, "bad-items.jsonl"));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("Import failed with 2 errors in 3 lines; nothing was imported.");
  await expect(errors).toContainText("Line 2, question");
  await expect(errors).toContainText("Line 3: This line is not JSON");
  await expect(page.getByTestId("item-count")).toContainText("0 items");

  await page.getByLabel("Import items (JSONL, one item per line)").setInputFiles(path.join(FIXTURES, "items.jsonl"));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Imported 3 items with 6 responses.");
  await expect(page.getByTestId("item-count")).toContainText("3 items (3 not yet in a batch)");

  // Re-importing the same externalIds is a conflict, not a duplicate.
  await page.getByLabel("Import items (JSONL, one item per line)").setInputFiles(path.join(FIXTURES, "items.jsonl"));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-errors")).toContainText("already exists");
  await expect(page.getByTestId("item-count")).toContainText("3 items");
});

test("admin adds the researcher and assigns a batch to two reviewers", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${SLUG}`);
  await page.getByLabel("Member email").fill(USERS.researcher);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText(`Added ${USERS.researcher}.`)).toBeVisible();

  await page.getByLabel("Batch name").fill("Round 1");
  // A new project has no reviewers yet: the site's other reviewers are offered, none of them ticked
  // (issue 10: the form used to tick every reviewer on the site).
  await expect(page.getByTestId("no-project-reviewers")).toBeVisible();
  await page.getByText(/Other reviewers on this site/).click();
  const others = page.getByTestId("other-reviewers").getByRole("checkbox");
  expect(await others.count()).toBeGreaterThanOrEqual(3);
  for (const box of await others.all()) await expect(box).not.toBeChecked();
  await page.getByRole("checkbox", { name: /Dr\. Kwame Osei/ }).check();
  await page.getByRole("checkbox", { name: /Dr\. Sara Lindqvist/ }).check();

  // The load before anything is written: 3 items × 2 reviewers, 3 each; both join the project.
  await page.getByTestId("preview-batch").click();
  await expect(page.getByTestId("batch-preview")).toContainText("3 item(s), 2 reviewer(s) per item, 6 assignments");
  await expect(page.getByTestId("preview-load")).toHaveCount(2);
  for (const cell of await page.getByTestId("preview-load").locator('[data-col="assignments"]').all()) await expect(cell).toHaveText("3");
  await expect(page.getByTestId("preview-load").first()).toContainText("(joins the project)");
  await expect(page.getByText("0/6 assignments submitted")).toHaveCount(0); // nothing written

  await page.getByRole("button", { name: "Create and assign batch" }).click();
  await expect(page.getByText("Assigned 3 items as 6 assignments.")).toBeVisible();
  await expect(page.getByText("0/6 assignments submitted")).toBeVisible();
  // Now they are the project's reviewers: the next batch's form starts with them, ticked.
  await page.reload();
  await expect(page.getByTestId("project-reviewers").getByRole("checkbox")).toHaveCount(2);
  for (const box of await page.getByTestId("project-reviewers").getByRole("checkbox").all()) await expect(box).toBeChecked();
});

test("reviewer rates blinded items with autosave, survives a reload, and submits", async ({ page }) => {
  await loginAs(page, USERS.reviewer1);
  await page.goto("/queue");
  const before = Number(await page.getByTestId("count-pending").textContent());
  expect(before).toBeGreaterThanOrEqual(3);
  // Other spec files may have submitted work for this reviewer already: count from here.
  const submittedBefore = Number(await page.getByTestId("count-submitted").textContent());

  // Open this study's first item from the queue, filtered to the study (other specs fill the queue's first page).
  await page.goto(`/queue?project=${SLUG}`);
  await page.getByRole("link", { name: /E2E blinded study \/ Round 1/ }).first().click();
  await page.waitForURL("**/review/**");
  const reviewUrl = page.url();

  // Blinding: model names are in neither the rendered page nor the raw HTML/RSC payload.
  await expect(page.getByTestId("response")).toHaveCount(2);
  const raw = await (await page.request.get(reviewUrl)).text();
  expect(raw).not.toContain("secret-model");
  expect(await page.content()).not.toContain("secret-model");
  // Untrusted markdown: the script in a response never ran.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

  // Rate the first 10 axes, comment, wait for autosave, reload: nothing is lost.
  await rateEveryAxis(page, { limit: 10 });
  await page.getByTestId("overall-comment").fill("Response 2 omits red flags.");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await page.reload();
  await expect(page.getByTestId("overall-comment")).toHaveValue("Response 2 omits red flags.");
  await expect(page.locator("input[type=radio]:checked")).toHaveCount(10);

  // Submitting with axes missing is refused and says which.
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("submit-problems")).toContainText("is required");
  expect(page.url()).toBe(reviewUrl);

  await rateEveryAxis(page);
  await expect(page.locator("input[type=radio]:checked")).toHaveCount(24 + 2); // 12 axes and confidence, per response
  await page.getByTestId("submit").click();
  await page.waitForURL((u) => u.href !== reviewUrl && (u.pathname.startsWith("/review/") || u.pathname === "/queue"));

  // The submitted item is read-only now.
  await page.goto(reviewUrl);
  await expect(page.getByTestId("read-only")).toBeVisible();
  await page.goto("/queue");
  await expect(page.getByTestId("count-submitted")).toHaveText(String(submittedBefore + 1));
});

test("a reviewer cannot open another reviewer's assignment", async ({ browser }) => {
  const one = await browser.newPage();
  await loginAs(one, USERS.reviewer1);
  await one.goto(`/queue?project=${SLUG}`);
  await one.getByRole("link", { name: /E2E blinded study \/ Round 1/ }).first().click();
  await one.waitForURL("**/review/**");
  const theirs = one.url();

  const other = await browser.newPage();
  await loginAs(other, USERS.reviewer3); // not on this batch
  const response = await other.goto(theirs);
  expect(response?.status()).toBe(404);
  const api = await other.request.put(theirs.replace("/review/", "/api/v1/assignments/") + "/annotation", {
    data: { baseVersion: 0, clientMutationId: "intruder-123", data: {} },
  });
  expect(api.status()).toBe(404);
});

test("admin sees batch progress per reviewer", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${SLUG}`);
  await page.getByRole("link", { name: "Round 1" }).click();
  const row = page.getByTestId(`progress-${USERS.reviewer1}`);
  await expect(row.locator('[data-col="submitted"]')).toHaveText("1");
  await expect(row.locator('[data-col="pending"]')).toHaveText("2");
  await expect(page.getByTestId(`progress-${USERS.reviewer2}`).locator('[data-col="pending"]')).toHaveText("3");
});

test("admin changes the batch after the fact: due date, pending work moved, deletion refused once work is finished", async ({ page, browser }) => {
  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${SLUG}`);
  await page.getByRole("link", { name: "Round 1" }).click();
  const admin = page.getByTestId("batch-admin");

  await admin.getByLabel("Due date", { exact: true }).fill("2026-12-24");
  await admin.getByRole("button", { name: "Save due date" }).click();
  await expect(admin.getByText("Due 2026-12-24.")).toBeVisible();

  // Lindqvist's 3 pending items cannot go to Osei, who has all three already (k = 2): nothing moves.
  await admin.getByLabel("Move pending work of").selectOption({ label: "Dr. Sara Lindqvist (3 pending)" });
  await admin.getByRole("button", { name: "Move pending work" }).click();
  await expect(admin.getByText(/3 item\(s\) cannot move: every chosen reviewer already has them/)).toBeVisible();
  await expect(page.getByTestId(`progress-${USERS.reviewer2}`).locator('[data-col="pending"]')).toHaveText("3");
  // To Tanaka, they do. (A form is reset after its action: choose the reviewer again.)
  await admin.getByLabel("Move pending work of").selectOption({ label: "Dr. Sara Lindqvist (3 pending)" });
  await admin.getByLabel("To", { exact: true }).selectOption({ label: "Dr. Hiro Tanaka (joins the project)" });
  await admin.getByRole("button", { name: "Move pending work" }).click();
  await expect(admin.getByText("Moved 3 pending assignment(s).")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId(`progress-${USERS.reviewer3}`).locator('[data-col="pending"]')).toHaveText("3");
  await expect(page.getByTestId(`progress-${USERS.reviewer2}`)).toHaveCount(0); // nothing of hers is left in the batch
  await expect(page.getByText("due 2026-12-24")).toBeVisible();

  // Osei submitted an item: the batch is part of the study now.
  await expect(page.getByTestId("delete-refused")).toContainText("1 assignment(s) are submitted or skipped");
  await expect(page.getByTestId("delete-batch")).toBeDisabled();

  // A past due date: Tanaka's queue says the batch is overdue, in words.
  await admin.getByLabel("Due date", { exact: true }).fill("2026-01-15");
  await admin.getByRole("button", { name: "Save due date" }).click();
  await expect(admin.getByText("Due 2026-01-15.")).toBeVisible();
  const tanaka = await browser.newPage();
  await loginAs(tanaka, USERS.reviewer3);
  await tanaka.goto(`/queue?project=${SLUG}`);
  await expect(tanaka.getByTestId("queue-group").filter({ hasText: "Round 1" }).getByTestId("overdue")).toHaveText("— overdue");
  await tanaka.close();
});

test("admin reads the progress dashboard: per reviewer, overdue work in words and numbers", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${SLUG}`);
  await page.getByTestId("progress-link").click();
  await expect(page.getByTestId(`dashboard-${USERS.reviewer1}`).locator('[data-col="submitted"]')).toHaveText("1");
  // The batch's due day (2026-01-15) has passed: Osei's 2 and Tanaka's 3 open items are overdue.
  await expect(page.getByTestId(`dashboard-${USERS.reviewer3}`).locator('[data-col="overdue"]')).toHaveText("3 overdue");
  await expect(page.getByTestId("overdue-total")).toHaveText(" · 5 overdue");
  await expect(page.getByTestId("projected-finish")).toContainText(/done by \d{4}-\d{2}-\d{2}/);
});

test("admin browses the items and opens one as reviewers see it, with every reviewer's annotation side by side", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${SLUG}`);
  await page.getByTestId("browse-items").click();
  await expect(page.getByTestId("items-table").locator("tbody tr")).toHaveCount(3);
  // Osei submitted one item: it is the one with 1 of 2 submitted.
  const submittedRow = page.getByTestId("items-table").locator("tbody tr").filter({ has: page.locator('[data-col="submitted"]', { hasText: "1 / 2" }) });
  await expect(submittedRow).toHaveCount(1);
  await page.getByLabel("Review", { exact: true }).selectOption("complete");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("no-items")).toBeVisible(); // each item still has open work
  await page.goto(`/projects/${SLUG}/items`);
  await submittedRow.getByRole("link").click();

  await expect(page.getByTestId("question")).toBeVisible();
  await expect(page.getByTestId("item-response")).toHaveCount(2);
  await expect(page.getByTestId("model-name")).toHaveCount(0); // hidden, as blinded reviewers see it
  await expect(page.getByTestId("annotation-column")).toHaveCount(2);
  await expect(page.getByTestId("annotations-table")).toContainText("Dr. Kwame Osei");
  await expect(page.getByTestId("annotation-column").filter({ hasText: "Dr. Kwame Osei" })).toContainText("submitted");
  await page.getByTestId("toggle-models").click();
  await expect(page.getByTestId("model-name")).toHaveCount(2);
});

test("researcher downloads de-blinded, pseudonymized JSONL and CSV exports but cannot manage", async ({ page }) => {
  await loginAs(page, USERS.researcher);
  await page.goto(`/projects/${SLUG}`);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-jsonl").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${SLUG}-annotations-.*\\.jsonl$`));
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const records = text.trim().split("\n").map((l) => JSON.parse(l));
  expect(records).toHaveLength(1);
  expect(records[0].responses.map((r: { modelName: string }) => r.modelName).sort()).toEqual(["secret-model-alpha", "secret-model-beta"]);
  expect(records[0].reviewer).toMatch(/^R-[0-9a-f]{10}$/);
  expect(text).not.toContain(USERS.reviewer1);
  expect(records[0].overallComment).toBe("Response 2 omits red flags.");

  const csv = await page.request.get(`/api/v1/projects/${SLUG}/export?format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\n");
  expect(lines[0]).toContain("annotation_id,project,batch");
  expect(lines.length).toBe(1 + 24 + 2 + 1); // header, 12 axes × 2 responses, 2 confidence rows, overall comment

  // Read-only role: no import, no batch page, no identities in exports.
  await expect(page.getByLabel("Import items (JSONL, one item per line)")).toHaveCount(0);
  const batches = await page.getByRole("link", { name: "Round 1" }).count();
  expect(batches).toBe(0);
  expect((await page.request.get(`/api/v1/projects/${SLUG}/export?format=jsonl&identifyReviewers=true`)).status()).toBe(403);
  await page.goto("/admin/users");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("researcher reads the results page: every axis per model from the submitted rating, filters, CSV", async ({ page }) => {
  await loginAs(page, USERS.researcher);
  await page.goto(`/projects/${SLUG}`);
  await page.getByTestId("results-link").click();
  await page.waitForURL(`**/projects/${SLUG}/results`);
  await expect(page.getByTestId("results-basis")).toContainText("1 submitted annotation of 1 item by 1 reviewer");
  // The reviewer chose the first option shown on every axis; on scientific consensus that is the best bin.
  const axes = page.getByTestId("axis-result");
  await expect(axes).toHaveCount(12); // Med-PaLM's 12 axes
  const first = axes.first();
  await expect(first.locator('[data-model="secret-model-alpha"] [data-col="best"]')).toHaveText(/^100 % \(\d+–100\)$/);
  await expect(first.locator('[data-model="secret-model-beta"] [data-col="ratings"]')).toHaveText("1");
  await expect(page.getByTestId("results-methods")).toContainText("Wilson");
  // Each axis has its chart (drawn in the browser) beside its table.
  await expect(first.getByTestId("share-chart").locator(".recharts-wrapper > svg")).toBeVisible();
  await expect(first.getByTestId("share-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();

  // A filter that matches nothing (gold items only) empties the tables; the address keeps it.
  await page.getByLabel("Gold items").selectOption("only");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/gold=only/);
  await expect(page.getByTestId("results-basis")).toContainText("0 submitted annotations");

  const csv = await page.request.get(`/api/v1/projects/${SLUG}/results?format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const rows = (await csv.text()).trim().split("\n");
  expect(rows[0]).toBe("section,axis,model,versus,figure,value,label,count,n,estimate,ci_low,ci_high");
  expect(rows.filter((r) => r.startsWith("axis,scientific_consensus,") && r.includes(",best_bin,"))).toEqual([
    expect.stringMatching(/^axis,scientific_consensus,secret-model-alpha,,best_bin,aligned,,1,1,1,0\.\d+,1$/),
    expect.stringMatching(/^axis,scientific_consensus,secret-model-beta,,best_bin,aligned,,1,1,1,0\.\d+,1$/),
  ]);
});

test("researcher prepares a background export, leaves the page, and downloads the file when it is ready", async ({ page }) => {
  await loginAs(page, USERS.researcher);
  await page.goto(`/projects/${SLUG}`);
  await page.getByLabel("Background export format").selectOption("jsonl");
  await page.getByTestId("start-export-job").click();
  await expect(page.getByText(/Export queued: 1 records/)).toBeVisible();
  // The job runs in the server's worker whether or not this page stays open.
  await page.goto("/queue");
  await page.goto(`/projects/${SLUG}`);
  const link = page.getByTestId("export-job-download").first();
  await expect(link).toBeVisible({ timeout: 30_000 });
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const direct = await (await page.request.get(`/api/v1/projects/${SLUG}/export?format=jsonl`)).text();
  expect(text).toBe(direct);
});

test("admin edits the project: the design is locked once reviewing started, name and guidelines (previewed as reviewers see them) are saved", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${SLUG}`);
  const form = page.getByRole("form", { name: "Project details" });
  await expect(form.getByTestId("design-locked")).toContainText("Reviewing has started");
  await expect(form.getByRole("checkbox", { name: /^Blinded/ })).toBeDisabled();
  await expect(form.getByRole("checkbox", { name: /^Blinded/ })).toBeChecked();

  await form.getByLabel("Name", { exact: true }).fill("E2E blinded study (renamed)");
  await form.getByLabel("Guidelines for reviewers (markdown)").fill("## Rate carefully\nUse **every** axis. <script>alert(1)</script>");
  await form.getByRole("button", { name: "Preview guidelines" }).click();
  const preview = form.getByTestId("guidelines-preview");
  await expect(preview.locator("strong")).toHaveText("every");
  await expect(preview.locator("script")).toHaveCount(0); // sanitized: shown as marked source, never run
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByText("Saved: name, guidelines.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("project-name")).toHaveText("E2E blinded study (renamed)");
  await expect(page.getByText("Blinded · 2 reviewer(s) per item")).toBeVisible(); // the design did not change
});
