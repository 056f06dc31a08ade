import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { ROOT, FIXTURES, RUN, convert, createProject, importFile, assignToReviewer1, openFromQueue, type HealthBenchItem, type MedecItem } from "./fixtures/workspace";

// The reviewer's workspace with real files: HealthBench conversations and criteria, MEDEC notes
// as gold items, uploaded vqa images, graded differentials — imported through the browser.
test.describe.configure({ mode: "serial" });

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
  // MEDEC repeats a case with and without its error: identify the note by all of its sentences.
  const norm = (t: string) => t.replace(/\s+/g, " ").trim();
  const shown = (await sentences.locator("span:nth-child(2)").allTextContents()).map(norm);
  const item = items.find((i) => JSON.stringify(i.sentences.map((x) => norm(x.text))) === JSON.stringify(shown))!;
  expect(item).toBeTruthy();
  expect(await page.getByTestId("response").count()).toBe(0);

  // Right about the flag (and the type when there is an error), deliberately wrong about the sentence.
  const gold = item.reference.gold.item;
  // Option labels start with their number-key hint ("1Yes"), hence the anchored patterns.
  await page.locator('[data-axis="error_flag"] label').filter({ hasText: gold.error_flag ? /Yes$/ : /No$/ }).click();
  if (gold.error_flag) {
    const typeLabel = { diagnosis: "Diagnosis", management: "Management", treatment: "Treatment", pharmacotherapy: "Pharmacotherapy", causalOrganism: "Causal organism" }[gold.error_type!]!;
    await page.locator('[data-axis="error_type"] label').filter({ hasText: new RegExp(`${typeLabel}$`) }).click();
    // The sentence is picked by clicking it in the note (a wrong one, on purpose); the axis follows.
    const wrong = item.sentences.find((s) => s.id !== gold.error_sentence_id)!;
    await page.locator(`[data-sentence-id="${wrong.id}"]`).click();
    await expect(page.locator(`[data-sentence-id="${wrong.id}"]`)).toHaveAttribute("data-picked", "true");
    await expect(page.locator('[data-axis="error_sentence_id"] input[type="radio"]:checked')).toHaveCount(1);
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
  await importFile(page, items, "Imported 1 item with 1 response.");
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
  await importFile(page, file, "Imported 1 item with 1 response.");
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
