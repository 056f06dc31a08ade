import type { Page } from "@playwright/test";
import { openQueuedItem } from "./fixtures/queue";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { expectAccessible } from "./fixtures/a11y";
import { selectText } from "./fixtures/select-text";

// Issue 13, long records (prisma/demo/record-showcase.ts): a reviewer browses a two-year record
// converted from FHIR (search, sections, out-of-range values), marks statements of both outputs as
// supported or contradicted, links each to the entries that show it by mouse and by keyboard, and
// submits; the export and the results page carry the statements and their entries.
const GROUP = /Outputs about long patient records \(demo\) \/ Records demo/;

function openItem(page: Page, text: string) {
  return openQueuedItem(page, "record-showcase", GROUP, text);
}

test.describe.configure({ mode: "serial" });

test("a reviewer browses a record, marks and links statements of two outputs, and submits; export and results follow", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, USERS.reviewer1);
  const url = await openItem(page, "pre-visit summary");
  const panel = page.getByTestId("record-links-panel");
  const browserPart = panel.getByTestId("record-browser");
  await expect(browserPart.getByTestId("record-patient")).toContainText("Grace Mensah");
  await expect(browserPart.getByTestId("record-count")).toHaveText("51 of 51 shown (51 entries in all)");
  await expectAccessible(page, "record review");

  // Search (eight potassium results and two letters), then only what is out of range: potassium above 5.1 three times.
  await browserPart.getByTestId("record-search").fill("potassium");
  await expect(browserPart.getByTestId("record-count")).toHaveText("10 of 10 shown (51 entries in all)");
  await browserPart.getByLabel("Out of range only").check();
  await expect(browserPart.getByTestId("record-count")).toHaveText("3 of 3 shown (51 entries in all)");
  await expect(browserPart.locator("[data-abnormal]")).toHaveCount(3);
  await browserPart.getByLabel("Out of range only").uncheck();
  await browserPart.getByTestId("record-search").fill("");

  for (let n = 0; n < 2; n++) {
    if (n === 1) await panel.getByRole("tab").nth(1).click();
    const annotator = panel.locator('[data-nav="argument-text"]');
    const text = await annotator.getByTestId("argument-text-layer").innerText();
    const good = text.includes("Potassium is high");
    // Mouse: select the potassium statement, Y (supported) or X (contradicted); it stays selected for linking.
    await selectText(page, annotator, good ? "Potassium is high at 5.9 mmol/L" : "Her potassium is normal.");
    await page.keyboard.press(good ? "y" : "x");
    await expect(panel.getByTestId("record-statements").locator("li")).toHaveCount(1);
    // Link the latest potassium by mouse.
    await browserPart.getByTestId("record-search").fill("potassium 5.9");
    await browserPart.locator("[data-entry-button]").first().click();
    await expect(panel.locator("[data-linked-entry]")).toHaveText(["Potassium · 2024-10-14×"]);
    // And the clinic letter that says so, by keyboard: filter to notes, focus the entry, Space.
    await browserPart.getByTestId("record-search").fill("");
    await browserPart.locator("[data-section-filter='note']").click();
    const letter = browserPart.locator("[data-entry-id='DocumentReference/letter-2'] [data-entry-button]");
    await letter.focus();
    await page.keyboard.press("Space");
    await expect(letter).toHaveAttribute("aria-pressed", "true");
    await expect(panel.locator("[data-linked-entry]")).toHaveCount(2);
    await browserPart.locator("[data-section-filter='note']").click();
  }

  for (const axis of await page.getByTestId("response").locator('[data-nav="axis"]').all()) {
    await axis.focus();
    await page.keyboard.press("1");
  }
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await page.keyboard.press("Control+Enter");
  await page.waitForURL((u) => u.href !== url);
  await context.close();

  const team = await browser.newContext();
  const researcher = await team.newPage();
  await loginAs(researcher, USERS.researcher);
  const records = (await (await researcher.request.get("/api/v1/projects/record-showcase/export?format=jsonl&status=submitted")).text()).trim().split("\n").map((l) => JSON.parse(l));
  const statements = records.flatMap((r: { responses: Array<{ modelName: string; recordStatements?: Array<{ text: string; verdict: string; entries: Array<{ id: string }> }> }> }) => r.responses.flatMap((x) => (x.recordStatements ?? []).map((s) => ({ model: x.modelName, ...s }))));
  const mine = statements.filter((s: { text: string }) => s.text === "Her potassium is normal.");
  // The demo reviewer's statement links the result only; this one links the letter too.
  expect(mine).toContainEqual(expect.objectContaining({ model: "medsum-lite", verdict: "contradicted", entries: [expect.objectContaining({ id: "Observation/k-8" }), expect.objectContaining({ id: "DocumentReference/letter-2" })] }));

  await researcher.goto("/projects/record-showcase/results");
  const row = researcher.getByTestId("record-results").locator('tr[data-model="medsum-lite"]');
  await expect(row.locator('[data-col="contradicted"]')).toHaveText(/^100 % /);
  await expectAccessible(researcher, "record results");
  await team.close();
});
