import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { openFromQueue, queueHrefs } from "./fixtures/workspace";

// Reviewer tools on the demo projects: pairwise comparison, every item kind, keyboard-first
// rating, and work that is never lost (offline queue, history, skip).
test.describe.configure({ mode: "serial" });

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
