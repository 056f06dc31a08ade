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

test("a save in flight when the tab closes: edits typed after it are rebased on it, never dropped", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, USERS.reviewer3);
  const url = await openFirstDemoItem(page);
  const saveUrl = url.replace("/review/", "/api/v1/assignments/") + "/annotation";
  const run = Date.now().toString(36);
  // The first save reaches the server (it is stored) but its answer is held: the tab never hears back.
  let reachedServer!: () => void;
  const stored = new Promise<void>((resolve) => (reachedServer = resolve));
  await page.route(saveUrl, async (route) => {
    const response = await route.fetch();
    expect(response.status()).toBe(200);
    reachedServer();
  });
  await page.getByTestId("overall-comment").fill(`edit 1 ${run}`);
  await stored;
  await page.getByTestId("overall-comment").fill(`edit 1 ${run} · edit 2`);
  await page.getByTestId("overall-comment").fill(`edit 1 ${run} · edit 2 · edit 3`);
  await page.close({ runBeforeUnload: false });

  // Reopened in the same browser: the server has "edit 1" from that save; the newer draft is rebased and sent.
  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(reopened.getByTestId("overall-comment")).toHaveValue(`edit 1 ${run} · edit 2 · edit 3`);
  await expect(reopened.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(reopened.getByTestId("conflict")).toHaveCount(0);
  const fresh = await browser.newContext();
  const check = await fresh.newPage();
  await loginAs(check, USERS.reviewer3);
  await check.goto(url);
  await expect(check.getByTestId("overall-comment")).toHaveValue(`edit 1 ${run} · edit 2 · edit 3`);
  await fresh.close();
  await context.close();
});

test("a reload during an edit conflict keeps the reviewer's work, shows the conflict again and warns before leaving", async ({ browser }) => {
  const first = await browser.newContext();
  const one = await first.newPage();
  await loginAs(one, USERS.reviewer3);
  const url = await openFirstDemoItem(one);
  const second = await browser.newContext();
  const two = await second.newPage();
  await loginAs(two, USERS.reviewer3);
  await two.goto(url);
  const run = Date.now().toString(36);

  await one.getByTestId("overall-comment").fill(`device one ${run}`);
  await expect(one.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  // Device two rates six axes and writes a comment on its stale copy → conflict.
  const axes = two.getByTestId("response").first().locator('[data-nav="axis"]');
  for (let i = 0; i < 6; i++) await axes.nth(i).locator("label").last().click();
  await two.getByTestId("overall-comment").fill(`device two ${run}`);
  await expect(two.getByTestId("conflict")).toBeVisible();

  // Reload: the conflict and the six ratings are still there; nothing claims to be saved.
  await two.reload();
  await expect(two.getByTestId("conflict")).toBeVisible();
  await expect(two.getByTestId("overall-comment")).toHaveValue(`device two ${run}`);
  await expect(axes.locator("input:checked")).toHaveCount(6);
  await expect(two.getByTestId("save-status")).not.toHaveAttribute("data-state", "saved");
  await expect(two.getByTestId("conflict-differences")).toContainText(`Overall comment: device one ${run} → device two ${run}`);

  // Leaving while the conflict is unresolved asks first (browsers ask only after the user interacted).
  await two.getByTestId("conflict").click({ position: { x: 4, y: 4 } });
  const dialog = new Promise<string>((resolve) => two.once("dialog", (d) => { resolve(d.type()); void d.dismiss(); }));
  await two.close({ runBeforeUnload: true });
  expect(await dialog).toBe("beforeunload");
  expect(two.isClosed()).toBe(false);

  // The reviewer keeps their version; it is saved on top of device one's.
  await two.getByRole("button", { name: "Keep mine" }).click();
  await expect(two.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await one.reload();
  await expect(one.getByTestId("overall-comment")).toHaveValue(`device two ${run}`);
  await first.close();
  await second.close();
});
