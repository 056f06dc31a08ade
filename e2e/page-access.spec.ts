import { expect, loginAs, PASSWORD, test, USERS } from "./fixtures/auth";

// Every page × every role: allowed pages render, others show the forbidden page or redirect.
const PAGES = ["/queue", "/projects", "/projects/new", "/admin/users", "/projects/consumer-health-qa", "/projects/consumer-health-qa/items", "/projects/consumer-health-qa/progress", "/projects/consumer-health-qa/rubric", "/projects/consumer-health-qa/adjudication", "/projects/consumer-health-qa/webhooks", "/projects/consumer-health-qa/translations", "/admin/audit", "/account", "/notifications"] as const;
const ALLOWED: Record<string, readonly string[]> = {
  admin: ["/queue", "/projects", "/projects/new", "/admin/users", "/projects/consumer-health-qa", "/projects/consumer-health-qa/items", "/projects/consumer-health-qa/progress", "/projects/consumer-health-qa/rubric", "/projects/consumer-health-qa/adjudication", "/projects/consumer-health-qa/webhooks", "/projects/consumer-health-qa/translations", "/admin/audit", "/account", "/notifications"],
  reviewer1: ["/queue", "/account", "/notifications"],
  // An analyst of the demo project (project roles, decision 022); the queue is open to every account (it is empty for them).
  researcher: ["/queue", "/projects", "/projects/consumer-health-qa", "/account", "/notifications"],
};

test("anonymous visitors are sent to the login page", async ({ page }) => {
  for (const p of PAGES) {
    await page.goto(p);
    await expect(page).toHaveURL(/\/login$/);
  }
});

for (const [who, allowed] of Object.entries(ALLOWED)) {
  test(`${who} reaches exactly the pages their role allows`, async ({ page }) => {
    await loginAs(page, USERS[who as keyof typeof USERS]);
    for (const p of PAGES) {
      const response = await page.goto(p);
      if (allowed.includes(p)) {
        expect([p, response?.status()]).toEqual([p, 200]);
        await expect(page.getByTestId("forbidden")).toHaveCount(0);
      } else {
        await expect(page.getByTestId("forbidden")).toBeVisible();
      }
    }
  });
}

test("a deactivated user cannot sign in and loses their session at once", async ({ browser }) => {
  const reviewer = await browser.newPage();
  await loginAs(reviewer, USERS.reviewer3);
  await reviewer.goto("/queue");
  await expect(reviewer.getByTestId("whoami")).toContainText("Dr. Hiro Tanaka");

  const admin = await browser.newPage();
  await loginAs(admin, USERS.admin);
  await admin.goto("/admin/users");
  const row = admin.getByRole("row", { name: /dr\.tanaka@consilium\.local/ });
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("deactivated");

  await reviewer.goto("/queue");
  await expect(reviewer).toHaveURL(/\/login$/);
  await reviewer.getByLabel("Email").fill(USERS.reviewer3);
  await reviewer.getByLabel("Password").fill(PASSWORD);
  await reviewer.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(reviewer.getByTestId("login-error")).toBeVisible();

  await row.getByRole("button", { name: "Reactivate" }).click();
  await expect(row).not.toContainText("deactivated");
});
