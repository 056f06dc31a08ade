import { expect, loginAs, test, USERS } from "./fixtures/auth";

// Shared ward computers: signing out must end the session on the server and leave no unsent
// review drafts behind in the browser.
test("sign-out warns about unsent drafts, clears them, and the old cookie opens nothing afterwards", async ({ browser }) => {
  const port = new URL(test.info().project.use.baseURL!).port;
  // Served as "localhost" while NEXTAUTH_URL says 127.0.0.1: sign-out must stay on the host in use.
  const context = await browser.newContext({ baseURL: `http://localhost:${port}` });
  const page = await context.newPage();
  await loginAs(page, USERS.researcher);
  await page.goto("/projects");
  const oldCookies = await context.cookies();
  await page.evaluate(() => {
    localStorage.setItem("consilium:draft:a1", JSON.stringify({ baseVersion: 3, data: {}, pendingChanges: 2 }));
    localStorage.setItem("consilium:draft:a2", JSON.stringify({ baseVersion: 1, data: {}, pendingChanges: 1 }));
    localStorage.setItem("unrelated", "kept");
  });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("sign-out-warning")).toContainText("3 unsent changes on 2 items");
  await page.getByRole("button", { name: "Stay signed in" }).click();
  await expect(page.getByTestId("whoami")).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("consilium:draft:a1"))).not.toBeNull();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out and discard" }).click();
  await page.waitForURL(`http://localhost:${port}/login`);
  const left = await page.evaluate(() => Object.keys(localStorage));
  expect(left.filter((k) => k.startsWith("consilium:"))).toEqual([]);
  expect(left).toContain("unrelated");

  // The cookie from before sign-out, replayed in a fresh browser, is refused everywhere.
  const replay = await browser.newContext({ baseURL: `http://localhost:${port}` });
  await replay.addCookies(oldCookies);
  const again = await replay.newPage();
  await again.goto("/projects");
  await expect(again).toHaveURL(/\/login$/);
  expect((await again.request.get("/api/v1/projects/consumer-health-qa/scores")).status()).toBe(401);
  expect(await (await again.request.get("/api/auth/session")).json()).toEqual({});
  await replay.close();
  await context.close();
});

test("signing out without drafts needs no confirmation", async ({ page }) => {
  await loginAs(page, USERS.researcher);
  await page.goto("/projects");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login$/);
  expect((await page.request.get("/api/v1/projects/consumer-health-qa/scores")).status()).toBe(401);
});
