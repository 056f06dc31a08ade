import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import type { Page } from "@playwright/test";

// The reviewer's workspace with real data: HealthBench conversations and criteria, MEDEC notes as
// gold items, the demo's pairwise and mixed-kind projects; keyboard-first rating; work never lost.
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.resolve(ROOT, "../shared/fixtures");
const RUN = Date.now().toString(36);

type Criterion = { criterion: string; points: number; tags: string[] };
type HealthBenchItem = { externalId: string; turns: Array<{ role: string; content: string }>; criteria: Criterion[] };
type MedecItem = { externalId: string; sentences: Array<{ id: string; text: string }>; reference: { gold: { item: { error_flag: boolean; error_type?: string; error_sentence_id?: string } } } };

/** Runs one of the documented converters (scripts/convert-*.ts) and returns the JSONL file and its items. */
function convert<T>(script: string, args: string[], out: string): T[] {
  execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts", script), ...args, "-o", out], { cwd: ROOT, stdio: "pipe" });
  return readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as T);
}

async function createProject(page: Page, opts: { name: string; slug: string; template: string; citation: RegExp }) {
  await page.goto("/projects/new");
  await page.getByLabel("Name", { exact: true }).fill(opts.name);
  await page.getByLabel("Slug (used in URLs and the CLI)").fill(opts.slug);
  await page.getByLabel("Rubric template").selectOption(opts.template);
  await expect(page.getByTestId("template-citation")).toHaveText(opts.citation);
  await page.getByLabel("Reviewers per item").fill("1");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(`**/projects/${opts.slug}`);
}

async function importFile(page: Page, file: string, expected: string) {
  await page.getByLabel("Import items (JSONL, one item per line)").setInputFiles(file);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText(expected);
}

/** A batch for Dr. Osei alone (reviewer1). */
async function assignToReviewer1(page: Page, batch: string, expected: string) {
  await page.getByLabel("Batch name").fill(batch);
  for (const name of ["Dr. Sara Lindqvist", "Dr. Hiro Tanaka"]) {
    const box = page.getByLabel(name, { exact: false });
    if (await box.count()) await box.uncheck();
  }
  await page.getByRole("button", { name: "Create and assign batch" }).click();
  await expect(page.getByText(expected)).toBeVisible();
}

/** Opens the first open assignment whose queue entry matches, paging through the queue. */
async function openFromQueue(page: Page, entry: RegExp): Promise<string> {
  for (let p = 1; p <= 10; p++) {
    await page.goto(`/queue?page=${p}`);
    const link = page.getByRole("link", { name: entry }).first();
    if (await link.count()) {
      await link.click();
      await page.waitForURL("**/review/**");
      return page.url();
    }
    if (!(await page.getByRole("link", { name: "Next →" }).count())) break;
  }
  throw new Error(`No open assignment matches ${entry}`);
}

/** Every assignment of one batch in this reviewer's queue (all pages). */
async function queueHrefs(page: Page, entry: RegExp): Promise<string[]> {
  const hrefs: string[] = [];
  for (let p = 1; p <= 10; p++) {
    await page.goto(`/queue?page=${p}`);
    for (const link of await page.getByRole("link", { name: entry }).all()) hrefs.push((await link.getAttribute("href"))!);
    if (!(await page.getByRole("link", { name: "Next →" }).count())) break;
  }
  return hrefs;
}

const HB_SLUG = `healthbench-${RUN}`;
const MEDEC_SLUG = `medec-${RUN}`;

test("HealthBench conversations: converted, imported in the browser, criteria graded from the keyboard, scored for the admin", async ({ page }, info) => {
  const items = convert<HealthBenchItem>("convert-healthbench.ts", [path.join(FIXTURES, "healthbench"), "--max-responses", "1"], info.outputPath("healthbench.jsonl"));
  expect(items).toHaveLength(10);

  await loginAs(page, USERS.admin);
  await createProject(page, { name: `HealthBench E2E ${RUN}`, slug: HB_SLUG, template: "healthbench-criteria", citation: /HealthBench/ });
  await importFile(page, info.outputPath("healthbench.jsonl"), "Imported 10 items with 10 responses.");
  await assignToReviewer1(page, "HB", "Assigned 10 items as 10 assignments.");

  await loginAs(page, USERS.reviewer1);
  await openFromQueue(page, new RegExp(`HealthBench E2E ${RUN} / HB`));
  // Which conversation is this? Match the first turn against the converted file.
  const firstTurn = (await page.getByTestId("transcript").locator(":scope > li").first().innerText()).trim();
  const item = items.find((i) => firstTurn.includes(i.turns[0].content.trim().slice(0, 60)))!;
  expect(item).toBeTruthy();
  await expect(page.getByTestId("transcript").locator(":scope > li")).toHaveCount(item.turns.length);
  const criteria = page.locator('[data-nav="criterion"]');
  await expect(criteria).toHaveCount(item.criteria.length);

  // The shortcut sheet.
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-sheet")).toBeVisible();
  await expect(page.getByTestId("shortcut-sheet")).toContainText("Submit and open the next item");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcut-sheet")).toBeHidden();

  // Keyboard only: J to the first block (overall quality), 4, then Y/N down the criteria, 5 for confidence.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("j");
  await expect(page.locator('[data-axis="overall_quality"]').first()).toBeFocused();
  await page.keyboard.press("4");
  for (let i = 0; i < item.criteria.length; i++) {
    await expect(criteria.nth(i)).toBeFocused();
    await page.keyboard.press(i % 2 === 0 ? "y" : "n");
  }
  await page.keyboard.press("5");
  await expect(page.getByTestId("criteria-progress")).toHaveText(`${item.criteria.length}/${item.criteria.length} marked`);
  await expect(page.locator('[data-axis="overall_quality"] input:checked')).toHaveCount(1);
  await expect(page.locator('[data-testid="confidence"] input:checked')).toHaveCount(1);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  // The next item is prefetched (its full server payload) while this one is open, so "submit and
  // next" shows it without another request for it.
  const nextHref = (await page.getByTestId("next-item").getAttribute("href"))!;
  let fetchedNext = 0;
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === nextHref) fetchedNext += 1;
  });
  await page.reload();
  await expect.poll(() => fetchedNext).toBeGreaterThan(0);
  await page.waitForLoadState("networkidle");
  const beforeSubmit = fetchedNext;
  await expect(page.getByTestId("criteria-progress")).toHaveText(`${item.criteria.length}/${item.criteria.length} marked`);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("Control+Enter");
  await page.waitForURL((u) => u.pathname === nextHref);
  await expect(page.getByTestId("response").first()).toBeVisible();
  expect(fetchedNext).toBe(beforeSubmit);

  // HealthBench scoring, computed independently here from the fixture: met = even positions.
  const met = item.criteria.filter((_, i) => i % 2 === 0);
  const positive = item.criteria.filter((c) => c.points > 0).reduce((s, c) => s + c.points, 0);
  const raw = met.reduce((s, c) => s + c.points, 0) / positive;
  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${HB_SLUG}/quality`);
  const row = page.locator('[data-model="healthbench-ref-1"]');
  await expect(row.locator("td").nth(1)).toHaveText("1");
  await expect(row.getByTestId("overall-score")).toContainText(Math.min(1, Math.max(0, raw)).toFixed(3));

  const exported = await page.request.get(`/api/v1/projects/${HB_SLUG}/export?format=jsonl`);
  const [record] = (await exported.text()).trim().split("\n").map((l) => JSON.parse(l));
  expect(record.kind).toBe("dialogue");
  expect(record.responses[0].criteriaScore).toBeCloseTo(raw, 10); // unclipped per item
  expect(record.responses[0].confidence).toBe(5);
  expect(record.responses[0].ratings.overall_quality).toBe(4);
});

test("MEDEC notes imported as gold items: the admin sees the reviewer's accuracy", async ({ page }, info) => {
  const items = convert<MedecItem>("convert-medec.ts", [path.join(FIXTURES, "medec/MEDEC-MS-ValidationSet-subset.csv"), "--gold"], info.outputPath("medec.jsonl"));
  expect(items).toHaveLength(30);

  await loginAs(page, USERS.admin);
  await createProject(page, { name: `MEDEC E2E ${RUN}`, slug: MEDEC_SLUG, template: "medec-note-review", citation: /MEDEC/ });
  await importFile(page, info.outputPath("medec.jsonl"), "Imported 30 items with 0 responses.");
  await assignToReviewer1(page, "Notes", "Assigned 30 items as 30 assignments.");

  await loginAs(page, USERS.reviewer1);
  const url = await openFromQueue(page, new RegExp(`MEDEC E2E ${RUN} / Notes`));
  const sentences = page.getByTestId("note-sentences").locator("li");
  const first = (await sentences.first().innerText()).replace(/^0\s*/, "").trim();
  const item = items.find((i) => i.sentences[0].text.trim() === first)!;
  await expect(sentences).toHaveCount(item.sentences.length);
  expect(await page.getByTestId("response").count()).toBe(0);

  // Right about the flag (and the type when there is an error), deliberately wrong about the sentence.
  const gold = item.reference.gold.item;
  // Option labels start with their number-key hint ("1Yes"), hence the anchored patterns.
  await page.locator('[data-axis="error_flag"] label').filter({ hasText: gold.error_flag ? /Yes$/ : /No$/ }).click();
  if (gold.error_flag) {
    const typeLabel = { diagnosis: "Diagnosis", management: "Management", treatment: "Treatment", pharmacotherapy: "Pharmacotherapy", causalOrganism: "Causal organism" }[gold.error_type!]!;
    await page.locator('[data-axis="error_type"] label').filter({ hasText: new RegExp(`${typeLabel}$`) }).click();
    await page.locator('[data-axis="error_sentence_id"] textarea').first().fill("999");
  }
  await page.getByTestId("submit").click();
  await page.waitForURL((u) => u.href !== url);

  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${MEDEC_SLUG}/quality`);
  const row = page.getByTestId("gold-accuracy").locator(`[data-reviewer="${USERS.reviewer1}"]`);
  await expect(row).toContainText(gold.error_flag ? "2 / 3" : "1 / 1");
  await expect(row).toContainText(gold.error_flag ? "67 %" : "100 %");
});

test("vqa images: uploaded through the browser, imported by reference, shown to the assigned reviewer only", async ({ page, browser }, info) => {
  const slug = `vqa-${RUN}`;
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `VQA E2E ${RUN}`, slug, template: "reasoning-quality", citation: /MedR-Bench|Qiu/ });
  // A real PNG (the demo seed draws it) uploaded under a new name, plus a file that is not an image.
  const png = path.join(ROOT, ".data/images/demo/cxr-1.png");
  await page.getByLabel("Upload images for vqa items").setInputFiles([
    { name: "scan-1.png", mimeType: "image/png", buffer: readFileSync(png) },
    { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") },
  ]);
  const results = page.getByTestId("image-upload-results");
  await expect(results.locator('[data-state="done"]')).toContainText(`${slug}/scan-1.png`);
  await expect(results.locator('[data-state="failed"]')).toContainText("notes.png");

  const items = info.outputPath("vqa.jsonl");
  const { writeFileSync } = await import("node:fs");
  writeFileSync(items, [
    { kind: "vqa", externalId: "v1", question: "What does the film show?", images: [{ src: `${slug}/scan-1.png`, modality: "X-ray", view: "PA", caption: "Admission film" }], responses: [{ modelName: "m", content: "Normal film." }] },
  ].map((i) => JSON.stringify(i)).join("\n") + "\n");
  await importFile(page, items, "Imported 1 items with 1 responses.");
  await assignToReviewer1(page, "Images", "Assigned 1 items as 1 assignments.");

  await loginAs(page, USERS.reviewer1);
  await openFromQueue(page, new RegExp(`VQA E2E ${RUN} / Images`));
  const image = page.getByTestId("image-viewer").locator("img").first();
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByTestId("image-viewer")).toContainText("X-ray · PA — Admission film");
  const src = await image.getAttribute("src");

  // Another reviewer, not assigned to the item, cannot fetch the file.
  const other = await browser.newPage();
  await loginAs(other, USERS.reviewer2);
  expect((await other.request.get(src!)).status()).toBe(404);
  await other.close();
});

test("differential diagnoses graded entry by entry from the keyboard; top-k accuracy for the study team", async ({ page }, info) => {
  const slug = `ddx-${RUN}`;
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `DDx E2E ${RUN}`, slug, template: "ddx-accuracy", citation: /Towards conversational diagnostic AI/ });
  const file = info.outputPath("ddx.jsonl");
  const { writeFileSync } = await import("node:fs");
  writeFileSync(file, JSON.stringify({ kind: "ddx", externalId: "d1", case: "A 6-year-old with fever, cough, conjunctivitis and a rash spreading from the face.", responses: [
    { modelName: "ddx-model", differential: [{ diagnosis: "Rubella", rationale: "Rash and fever" }, { diagnosis: "Measles", rationale: "3 Cs and descending rash" }, { diagnosis: "Kawasaki disease" }] },
  ] }) + "\n");
  await importFile(page, file, "Imported 1 items with 1 responses.");
  await assignToReviewer1(page, "D", "Assigned 1 items as 1 assignments.");

  await loginAs(page, USERS.reviewer1);
  const url = await openFromQueue(page, new RegExp(`DDx E2E ${RUN} / D`));
  await expect(page.locator('[data-nav="entry"]')).toHaveCount(3);
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("submit-problems")).toContainText("3 differential entries are not graded");
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("j");
  await expect(page.locator('[data-nav="entry"]').first()).toBeFocused();
  await page.keyboard.press("4"); // Rubella: unrelated
  await page.keyboard.press("1"); // Measles: exact
  await page.keyboard.press("3"); // Kawasaki: closely related
  await expect(page.getByTestId("entries-progress")).toHaveText("3/3 graded");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await page.keyboard.press("Control+Enter");
  await page.waitForURL((u) => u.href !== url);

  await loginAs(page, USERS.researcher);
  expect((await page.request.get(`/api/v1/projects/${slug}/export?format=jsonl`)).status()).toBe(404); // not a member
  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${slug}/quality`);
  const row = page.getByTestId("ddx-accuracy").locator('[data-model="ddx-model"]');
  await expect(row.locator('[data-k="1"]')).toHaveText("0 %");
  await expect(row.locator('[data-k="3"]')).toHaveText("100 %");
  const [record] = (await (await page.request.get(`/api/v1/projects/${slug}/export?format=jsonl`)).text()).trim().split("\n").map((l) => JSON.parse(l));
  expect(record.responses[0].differentialMatches.map((m: { match: string }) => m.match)).toEqual(["unrelated", "exact", "closely_related"]);
});

test("pairwise comparison: side by side, A / tie / B from the keyboard with strength, exported by real response", async ({ page }) => {
  await loginAs(page, USERS.reviewer1);
  await page.setViewportSize({ width: 1400, height: 900 });
  const url = await openFromQueue(page, /Pairwise comparison, Med-PaLM 2 axes \(demo\) \/ Demo/);
  const cards = page.getByTestId("response");
  await expect(cards).toHaveCount(2);
  const [a, b] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2); // side by side on a wide screen
  expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);

  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("j");
  await page.keyboard.press("a"); // consensus: A better
  for (let i = 0; i < 7; i++) await page.keyboard.press("t");
  await page.keyboard.press("b"); // harm likelihood: B more likely to harm (choosing = worse)
  await page.getByRole("radiogroup", { name: /Alignment with medical consensus strength/ }).getByText("Clearly").click();
  await expect(page.getByTestId("pairwise").locator("input[type=radio]:checked")).toHaveCount(10);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await page.getByTestId("submit").click();
  await page.waitForURL((u) => u.href !== url);

  // Narrow screens stack the two responses.
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto(url);
  const [na, nb] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  expect(nb!.y).toBeGreaterThan(na!.y + na!.height - 1);

  await loginAs(page, USERS.researcher);
  const assignmentId = url.split("/review/")[1];
  const text = await (await page.request.get("/api/v1/projects/pairwise-showcase/export?format=jsonl")).text();
  const record = text.trim().split("\n").map((l) => JSON.parse(l)).find((r) => r.assignmentId === assignmentId);
  const consensus = record.pairwise.find((p: { axis: string }) => p.axis === "consensus_alignment");
  expect(consensus.chosen.responseId).toBe(consensus.shownA.responseId);
  expect(consensus).toMatchObject({ polarity: "HIGHER_IS_BETTER", strength: 2 });
  const harm = record.pairwise.find((p: { axis: string }) => p.axis === "harm_likelihood");
  expect(harm.polarity).toBe("CHOSEN_IS_WORSE");
  expect(harm.chosen.responseId).toBe(harm.shownB.responseId);
  expect(harm.better.responseId).toBe(harm.shownA.responseId);
  expect(record.pairwise.filter((p: { chosen: unknown }) => p.chosen === "tie")).toHaveLength(7);
});

test("every item kind renders for reviewers: mcq, ddx, vqa with a zoomable image, note, dialogue; math is typeset", async ({ browser }) => {
  const seen = new Set<string>();
  let typeset = 0; // KaTeX formulas visible in the opened reasoning traces of mcq items
  for (const reviewer of [USERS.reviewer1, USERS.reviewer2]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, reviewer);
    for (const href of await queueHrefs(page, /Mixed item kinds: reasoning quality \(demo\) \/ Demo/)) {
      await page.goto(href);
      const kind = await page.locator("[data-kind]").first().getAttribute("data-kind");
      seen.add(kind!);
      if (kind === "mcq") {
        await expect(page.getByTestId("mcq-options").locator("li").first()).toBeVisible();
        await expect(page.getByTestId("mcq-choice").first()).toContainText("Chose");
        for (const trace of await page.getByTestId("reasoning").all()) await trace.locator("summary").click();
        typeset += await page.locator(".katex:visible").count();
      } else if (kind === "ddx") {
        await expect(page.getByTestId("differential").first().locator("li").first()).toBeVisible();
      } else if (kind === "vqa") {
        const image = page.getByTestId("image-viewer").locator("img").first();
        await expect(image).toBeVisible();
        await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
        await expect(page.getByTestId("zoom-level")).toHaveText("100%");
        await page.getByRole("button", { name: /zoom in/i }).click();
        await expect(page.getByTestId("zoom-level")).not.toHaveText("100%");
      } else if (kind === "note") {
        await expect(page.getByTestId("note-sentences").locator("[data-sentence-id='0']")).toBeVisible();
      } else if (kind === "dialogue") {
        await expect(page.getByTestId("transcript").first().locator("li")).not.toHaveCount(0);
      }
    }
    await context.close();
  }
  expect([...seen].sort()).toEqual(["ddx", "dialogue", "mcq", "note", "vqa"]);
  expect(typeset).toBeGreaterThan(0);
});

test("work is never lost: offline edits are counted, sent when back online, listed in the history; skip needs a reason", async ({ page, context }) => {
  await loginAs(page, USERS.reviewer2);
  const url = await openFromQueue(page, /HealthBench-style case criteria \(demo\) \/ Demo/);
  const status = page.getByTestId("save-status");
  await page.getByTestId("overall-comment").fill("first pass");
  await expect(status).toHaveAttribute("data-state", "saved");

  // Cut the network in the middle of rating and keep working.
  await context.setOffline(true);
  const criteria = page.locator('[data-nav="criterion"]');
  await criteria.nth(0).getByText("Met", { exact: true }).click();
  await expect(status).toHaveAttribute("data-state", "retrying");
  await criteria.nth(1).getByText("Not met", { exact: true }).click();
  await page.getByTestId("overall-comment").fill("second pass, offline");
  await expect(status).toHaveAttribute("data-pending", "3");
  await expect(status).toContainText("3 changes pending");

  await context.setOffline(false);
  await expect(status).toHaveAttribute("data-state", "saved", { timeout: 40_000 });
  await expect(status).toHaveAttribute("data-pending", "0");

  // Every change is on the server: a fresh device shows them.
  const fresh = await page.context().browser()!.newContext();
  const check = await fresh.newPage();
  await loginAs(check, USERS.reviewer2);
  await check.goto(url);
  await expect(check.getByTestId("overall-comment")).toHaveValue("second pass, offline");
  await expect(check.locator('[data-nav="criterion"]').nth(0).locator("input:checked")).toHaveCount(1);
  await fresh.close();

  // The reviewer's own history lists the saves with what changed.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("h");
  const history = page.getByTestId("revision-history");
  await expect(history).toBeVisible();
  await expect(history.getByTestId("revision").first()).toContainText("Overall comment");
  await expect(history).toContainText("Criterion 1: — → met");

  // Skip: a reason is required; the item becomes read-only with the reason shown.
  await page.keyboard.press("s");
  const dialog = page.getByTestId("skip-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Other").check();
  await expect(dialog.getByTestId("skip-confirm")).toBeDisabled();
  await dialog.getByTestId("skip-detail").fill("I treated this patient (conflict of interest)");
  await dialog.getByTestId("skip-confirm").click();
  await page.waitForURL((u) => u.href !== url);
  await page.goto(url);
  await expect(page.getByTestId("read-only")).toContainText("skipped");
  await expect(page.getByText("Skipped: I treated this patient (conflict of interest)")).toBeVisible();

  // The study team sees the reason on the batch page.
  await loginAs(page, USERS.admin);
  await page.goto("/projects/criteria-showcase");
  await page.getByRole("link", { name: "Demo", exact: true }).click();
  await expect(page.getByTestId("skipped-table")).toContainText("I treated this patient (conflict of interest)");
  await expect(page.getByTestId(`progress-${USERS.reviewer2}`).locator('[data-col="skipped"]')).toHaveText("1");
});
