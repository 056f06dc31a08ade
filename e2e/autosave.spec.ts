import { expect, loginAs, test, USERS } from "./fixtures/auth";

// Work is never lost: network cut mid-rating, reload while offline, two devices on one annotation.
test.describe.configure({ mode: "serial" });

async function openFirstDemoItem(page: import("@playwright/test").Page) {
  await page.goto("/queue");
  await page.getByRole("link", { name: /Consumer health answers \(demo\) \/ Pilot/ }).first().click();
  await page.waitForURL("**/review/**");
  return page.url();
}

test("edits made while the server is unreachable are kept, retried and saved when it is back", async ({ page }) => {
  await loginAs(page, USERS.reviewer2);
  const url = await openFirstDemoItem(page);
  const saveUrl = url.replace("/review/", "/api/v1/assignments/") + "/annotation";
  await page.route(saveUrl, (route) => route.abort("internetdisconnected"));
  const text = `typed while offline ${Date.now()}`; // unique, so a retried test still makes a change
  await page.getByTestId("overall-comment").fill(text);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "retrying");
  await expect(page.getByTestId("save-status")).toContainText("1 change pending. Kept in this browser");

  // Reload while still cut off: the draft survives in local storage and is shown again.
  await page.reload();
  await expect(page.getByTestId("overall-comment")).toHaveValue(text);

  await page.unroute(saveUrl);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 40_000 });
  // The server has it: a fresh page without local storage shows it too.
  const fresh = await page.context().browser()!.newContext();
  const check = await fresh.newPage();
  await loginAs(check, USERS.reviewer2);
  await check.goto(url);
  await expect(check.getByTestId("overall-comment")).toHaveValue(text);
  await fresh.close();
});

test("two devices editing one annotation: the stale save is shown as a conflict, never overwritten", async ({ browser }) => {
  // Separate contexts = separate devices (tabs of one browser share the local draft, which is restored on load).
  const context = await browser.newContext();
  const one = await context.newPage();
  await loginAs(one, USERS.reviewer1);
  const url = await openFirstDemoItem(one);
  const device = await browser.newContext();
  const two = await device.newPage();
  await loginAs(two, USERS.reviewer1);
  await two.goto(url);

  await one.getByTestId("overall-comment").fill("from device one");
  await expect(one.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await two.getByTestId("overall-comment").fill("from device two");
  await expect(two.getByTestId("conflict")).toBeVisible();
  await expect(two.getByTestId("conflict-theirs")).toContainText("from device one");
  await expect(two.getByTestId("conflict-differences")).toContainText("Overall comment: from device one → from device two");

  // The reviewer keeps device two's text deliberately; it is saved on top of version 1.
  await two.getByRole("button", { name: "Keep mine" }).click();
  await expect(two.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await one.reload();
  await expect(one.getByTestId("overall-comment")).toHaveValue("from device two");
  await context.close();
  await device.close();
});
