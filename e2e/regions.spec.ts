import type { Locator, Page } from "@playwright/test";
import { openQueuedItem } from "./fixtures/queue";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { expectAccessible } from "./fixtures/a11y";

// Issue 13, regions on images (prisma/demo/regions-showcase.ts): a reviewer draws a box with the
// mouse, a measuring line by keyboard (its length in mm from the image's pixel spacing), a polygon
// by clicks, links the box to the sentence that speaks of it, moves and deletes regions by keyboard,
// judges the models' own localizations and submits; the COCO export and the results page follow.
const GROUP = /Findings on images, located and measured \(demo\) \/ Regions demo/;

function openItem(page: Page, text: string) {
  return openQueuedItem(page, "regions-showcase", GROUP, text);
}

/** Where a point of the image (its own pixels) is on the screen, with the image scrolled to the middle of the window. */
async function screenPoint(layer: Locator, x: number, y: number) {
  await layer.evaluate((el) => el.closest("[data-nav]")!.scrollIntoView({ block: "center" }));
  const box = (await layer.boundingBox())!;
  const w = Number(await layer.getAttribute("data-width"));
  const h = Number(await layer.getAttribute("data-height"));
  const s = Math.min(box.width / w, box.height / h);
  return { x: box.x + (box.width - w * s) / 2 + x * s, y: box.y + (box.height - h * s) / 2 + y * s };
}

test.describe.configure({ mode: "serial" });

test("a reviewer draws, measures, links, edits and judges regions by mouse and keyboard; COCO and results follow", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, USERS.reviewer1);
  const url = await openItem(page, "focal opacity");
  const panel = page.getByTestId("regions-panel");
  const layer = panel.getByTestId("region-layer");
  await expect(layer).toHaveAttribute("data-width", "256");
  // The models' boxes are shown as a layer, and listed to judge.
  await expect(layer.locator("[data-model-region]")).toHaveCount(2);
  await expectAccessible(page, "region review");

  // A box by mouse, in Box mode, with the first label (Opacity).
  await panel.getByRole("radio", { name: /^Box/ }).click();
  const from = await screenPoint(layer, 50, 140);
  const to = await screenPoint(layer, 96, 190);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  const rows = panel.locator("[data-region-row]");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("1. box, image 1");
  await expect(rows.first().getByRole("combobox", { name: "Label of region 1" })).toHaveValue("opacity");

  // A measurement by keyboard: M, N (a line across the middle), Alt + → lengthens it 5 px: 57 px × 1.4 mm.
  const frame = panel.getByTestId("region-frame");
  await frame.focus();
  await page.keyboard.press("Escape");
  await page.keyboard.press("m");
  await page.keyboard.press("n");
  for (let i = 0; i < 5; i++) await page.keyboard.press("Alt+ArrowRight");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByTestId("region-length")).toHaveText("79.8 mm");

  // A polygon by clicks, closed with F, labelled Effusion with 3.
  await page.keyboard.press("g");
  for (const [x, y] of [[180, 190], [220, 190], [210, 225]]) {
    const p = await screenPoint(layer, x, y);
    await page.mouse.click(p.x, p.y);
  }
  await expect(panel.getByTestId("polygon-draft").locator("circle")).toHaveCount(3);
  await page.keyboard.press("f");
  await page.keyboard.press("3");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText("3. polygon, image 1");
  await expect(rows.nth(2).getByRole("combobox", { name: "Label of region 3" })).toHaveValue("effusion");
  // One corner by keyboard: E picks the first, → twice moves it 2 px (the whole polygon stays).
  await page.keyboard.press("e");
  const corner = layer.locator("[data-active-vertex]");
  const cornerX = Number(await corner.getAttribute("x"));
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => Number(await corner.getAttribute("x"))).toBeCloseTo(cornerX + 2, 5);

  // Link the box to the sentence that places the opacity.
  const link = rows.first().getByRole("combobox", { name: "Sentence region 1 shows" });
  const option = link.locator("option", { hasText: "right lower zone" });
  await link.selectOption((await option.getAttribute("value"))!);

  // Select the box from the list, move it 10 px right with Shift + →; delete the polygon with Delete.
  await rows.first().getByRole("button", { name: /^1\. box/ }).click();
  const boxRect = layer.locator("[data-selected] rect").first();
  const before = Number(await boxRect.getAttribute("x"));
  await frame.focus();
  await page.keyboard.press("Shift+ArrowRight");
  await expect(boxRect).toHaveAttribute("x", String(before + 10));
  await rows.nth(2).getByRole("button", { name: /^3\. polygon/ }).click();
  await frame.focus();
  await page.keyboard.press("Delete");
  await expect(rows).toHaveCount(2);

  // Judge the models' boxes (1 correct, 3 incorrect) and rate both answers, by keyboard.
  const models = panel.locator("[data-model-row]");
  await expect(models).toHaveCount(2);
  await models.nth(0).focus();
  await page.keyboard.press("1");
  await models.nth(1).focus();
  await page.keyboard.press("3");
  await expect(models.nth(1).getByRole("radio", { name: "Incorrect" })).toBeChecked();
  for (const axis of await page.getByTestId("response").locator('[data-nav="axis"]').all()) {
    await axis.focus();
    await page.keyboard.press("1");
  }
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await page.keyboard.press("Control+Enter");
  await page.waitForURL((u) => u.href !== url);
  await context.close();

  // The study team: the COCO file has the reviewer's line in mm and the link, the models' boxes with verdicts.
  const team = await browser.newContext();
  const researcher = await team.newPage();
  await loginAs(researcher, USERS.researcher);
  const coco = await (await researcher.request.get("/api/v1/projects/regions-showcase/export?format=coco")).json();
  expect(coco.categories.slice(0, 4).map((c: { name: string }) => c.name)).toEqual(["opacity", "nodule", "effusion", "pneumothorax"]);
  const lines = coco.annotations.filter((a: { attributes: { kind: string } }) => a.attributes.kind === "line");
  expect(lines.map((a: { attributes: { length_mm: number } }) => a.attributes.length_mm)).toContain(79.8);
  expect(coco.annotations.some((a: { attributes: { link?: { text: string } } }) => a.attributes.link?.text === "There is a focal opacity in the right lower zone.")).toBe(true);
  expect(coco.predictions.filter((p: { attributes: { verdict: string } }) => p.attributes.verdict === "incorrect").length).toBeGreaterThan(0);

  await researcher.goto("/projects/regions-showcase/results");
  const row = researcher.getByTestId("region-results").locator('tr[data-model="scout-rad-2"]');
  await expect(row.locator('[data-col="incorrect"]')).toHaveText(/^\d+ % /);
  await expect(researcher.getByTestId("region-agreement")).toContainText("reviewer pairs");
  await expectAccessible(researcher, "region results");
  await team.close();
});
