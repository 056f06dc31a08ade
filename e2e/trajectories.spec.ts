import type { Page } from "@playwright/test";
import { openQueuedItem } from "./fixtures/queue";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { expectAccessible } from "./fixtures/a11y";

// Issue 13, agent trajectories (prisma/demo/trajectory-showcase.ts): a reviewer judges every action
// of two agents' runs by keyboard — a hallucinated finding as incorrect with its severity and error
// type, a CT nobody needed as unnecessary — rates the runs and submits; a 201-action record task stays
// navigable with J; the study team sees error and unnecessary-test rates and the export carries it all.
const GROUP = /Agent runs, action by action \(demo\) \/ Trajectories demo/;

function openItem(page: Page, text: string) {
  return openQueuedItem(page, "trajectory-showcase", GROUP, text);
}

test.describe.configure({ mode: "serial" });

test("a reviewer judges every action and test of two runs by keyboard and submits; results and export follow", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, USERS.reviewer3);
  const url = await openItem(page, "fever and a cough");
  const cards = page.getByTestId("response");
  await expect(cards).toHaveCount(2);
  await expectAccessible(page, "trajectory review");
  for (let c = 0; c < 2; c++) {
    const card = cards.nth(c);
    const blocks = card.locator('[data-nav="action"]');
    const total = await blocks.count();
    for (let i = 0; i < total; i++) {
      const block = blocks.nth(i);
      await block.focus();
      const text = await block.innerText();
      if (text.includes("raised D-dimer")) {
        // Acts on a finding nobody revealed: incorrect (stays), critical, E opens the error types, Space ticks one.
        await page.keyboard.press("2");
        await page.keyboard.press("9");
        await page.keyboard.press("e");
        await page.keyboard.press(" ");
      } else if (text.includes("CT pulmonary angiogram")) {
        await page.keyboard.press("4"); // irrelevant; a test keeps the focus for its necessity
        await page.keyboard.press("n");
      } else if (await block.getByRole("radiogroup", { name: /was the test necessary/ }).count()) {
        await page.keyboard.press("1");
        await page.keyboard.press("y");
      } else {
        await page.keyboard.press("1");
      }
    }
    await expect(card.getByTestId("actions-progress")).toHaveText(`${total}/${total} actions judged`);
    // The run as a whole, on the rubric.
    for (const axis of await card.locator('[data-nav="axis"]').all()) {
      await axis.focus();
      await page.keyboard.press("1");
    }
  }
  const wasteful = cards.filter({ hasText: "CT pulmonary angiogram" });
  await expect(wasteful.getByTestId("tests-progress")).toContainText("3/3 tests marked");
  await expect(wasteful.locator('[data-nav="action"]').filter({ hasText: "raised D-dimer" })).toContainText("Critical");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await page.keyboard.press("Control+Enter");
  await page.waitForURL((u) => u.href !== url);
  await context.close();

  const researcher = await browser.newPage();
  await loginAs(researcher, USERS.researcher);
  await researcher.goto("/projects/trajectory-showcase/results");
  const row = researcher.getByTestId("trajectory-results").locator('tr[data-model="borealis-agent"]');
  await expect(row.locator('[data-col="unnecessary-tests"]')).toHaveText(/^33 % /);
  await expect(row.locator('[data-col="error-rate"]')).toHaveText(/^17 % /);
  await expect(row.locator('[data-col="mean-cost"]')).toHaveText("990 USD");
  const records = (await (await researcher.request.get("/api/v1/projects/trajectory-showcase/export?format=jsonl&status=submitted")).text()).trim().split("\n").map((l) => JSON.parse(l));
  const run = records.flatMap((r) => r.responses).find((r: { modelName: string }) => r.modelName === "borealis-agent").trajectory;
  expect(run).toMatchObject({ testsOrdered: 3, unnecessaryTests: 1, erroneous: 1, cost: 990 });
  expect(run.actions.find((a: { type: string; verdict: string }) => a.type === "thought")).toMatchObject({ verdict: "incorrect", severity: "critical", errorTypes: ["wrong_tool"] });
  await researcher.close();
});

test("a 201-action run stays navigable by keyboard, its JSON results formatted", async ({ page }) => {
  await loginAs(page, USERS.reviewer3);
  await openItem(page, "average blood glucose");
  const blocks = page.locator('[data-nav="action"]');
  await expect(blocks).toHaveCount(101);
  await expect(page.getByTestId("action-body").nth(1).locator("pre")).toContainText('"resourceType": "Bundle"');
  await blocks.first().focus();
  for (let i = 0; i < 100; i++) await page.keyboard.press("j");
  const last = page.locator(":focus");
  await expect(last).toHaveAttribute("data-action", "201");
  await expect(last).toBeInViewport();
  await expect(last).toContainText("Final answer");
});
