import { expect, loginAs, test, USERS } from "./fixtures/auth";

// Small things a new user hit (issue 7): the list of missing ratings did not lead to the axis, and the
// project page said "Review options" twice.
test("each missing rating in the submit problems takes the reviewer to its axis", async ({ page }) => {
  await loginAs(page, USERS.reviewer2);
  await page.goto("/queue");
  await page.getByRole("link", { name: /Consumer health answers \(demo\) \/ Pilot/ }).last().click();
  await page.waitForURL("**/review/**");
  await page.getByTestId("submit").click();
  const links = page.getByTestId("problem-link");
  await expect(links.first()).toBeVisible();
  const count = await links.count();
  const target = links.nth(Math.min(3, count - 1));
  const label = (await target.textContent())!.match(/"([^"]+)" is required/)![1];
  await target.click();
  const focused = page.locator(":focus");
  await expect(focused).toHaveAttribute("data-axis", /.+/);
  await expect(focused.locator("legend")).toContainText(label);
  await expect(focused).toBeInViewport();
});

test("the project page names its review options once", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto("/projects");
  await page.getByRole("link", { name: /Consumer health answers \(demo\)/ }).first().click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  await expect(page.getByText("Review options", { exact: true })).toHaveCount(1);
});
