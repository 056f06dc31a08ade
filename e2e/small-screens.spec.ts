import { expect, loginAs, test, USERS } from "./fixtures/auth";

// Issue 7: at 390 px the header did not collapse and project and batch pages scrolled sideways.
test.use({ viewport: { width: 390, height: 844 } });

async function noSidewaysScroll(page: import("@playwright/test").Page, what: string) {
  const { scroll, width, culprits } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    // The innermost elements reaching past the right edge, to say what to fix when this fails.
    culprits: [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`),
  }));
  expect({ what, sideways: scroll > width, culprits: scroll > width ? culprits : [] }).toEqual({ what, sideways: false, culprits: [] });
}

test("every page fits a phone's width: queue, review, projects, project, batch", async ({ page }) => {
  await loginAs(page, USERS.reviewer1);
  await page.goto("/queue");
  await noSidewaysScroll(page, "queue");
  await page.getByTestId("queue-entry").first().click();
  await page.waitForURL("**/review/**");
  await noSidewaysScroll(page, "review");

  await loginAs(page, USERS.admin);
  await page.goto("/projects");
  await noSidewaysScroll(page, "projects");
  await page.getByRole("link", { name: /Consumer health answers \(demo\)/ }).first().click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  await noSidewaysScroll(page, "project");
  await page.getByRole("link", { name: "Pilot" }).click();
  await page.waitForURL("**/batches/**");
  await noSidewaysScroll(page, "batch");
  // The header wraps: every navigation link stays on screen.
  for (const link of await page.getByRole("navigation", { name: "Main" }).getByRole("link").all()) {
    const box = (await link.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});

test("a missing page has navigation, and the site has an icon", async ({ page }) => {
  await loginAs(page, USERS.reviewer1);
  await page.goto("/no/such/page");
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My queue" })).toBeVisible();
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/icon/);
});

test.describe("at 200 % zoom", () => {
  // A 1280 × 800 window zoomed to 200 %: 640 × 400 CSS pixels at two device pixels each (WCAG 1.4.4, 1.4.10).
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  test("the review page reflows without sideways scrolling and stays operable by keyboard", async ({ page }) => {
    await loginAs(page, USERS.reviewer2);
    await page.goto("/queue");
    await page.getByTestId("queue-entry").first().click();
    await page.waitForURL("**/review/**");
    await noSidewaysScroll(page, "review at 200 %");
    // The first answer by keyboard: its first option, from the radio group's own arrow keys.
    const firstGroup = page.getByRole("radiogroup").first();
    await firstGroup.getByRole("radio").first().focus();
    await page.keyboard.press("Space");
    await expect(firstGroup.getByRole("radio").first()).toBeChecked();
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
    const submit = page.getByTestId("submit");
    await submit.scrollIntoViewIfNeeded();
    await expect(submit).toBeInViewport();
    await noSidewaysScroll(page, "review at 200 %, scrolled");
  });
});
