import type { Page } from "@playwright/test";
import { expect, loginAs, test, USERS } from "./fixtures/auth";

// Accounts end to end: a new user set up through a reset link, password change, API tokens, and
// sign-in throttling with an admin lifting a lockout. Uses its own fresh user, never a demo one, and a
// researcher: a new reviewer would join every batch form the later specs fill in.
test.describe.configure({ mode: "serial" });

const RUN = Date.now().toString(36);
const email = `dr.e2e-${RUN}@consilium.local`;
let password = "first light over the ward";

async function signInWith(page: Page, who: string, pw: string, headers: Record<string, string> = {}) {
  const csrf = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email: who, password: pw, json: "true" }, headers });
  return new URL((await response.json()).url).searchParams.get("error");
}

test("an admin creates a user and hands over a reset link; the link works once", async ({ page, browser }) => {
  await loginAs(page, USERS.admin);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "New user with a password" });
  await form.getByLabel("Name").fill("Dr. E2E Account");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("RESEARCHER");
  await form.getByLabel("Initial password").fill("password1234");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(/commonly used passwords/)).toBeVisible();
  await form.getByLabel("Initial password").fill("a temporary phrase only");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("form-success")).toHaveText(`Created ${email}.`);

  await page.getByRole("button", { name: `Reset link for ${email}` }).click();
  const link = (await page.getByTestId("reset-link").locator("code").textContent())!;
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/reset-password\/[A-Za-z0-9_-]{43}$/);

  const user = await browser.newPage();
  await user.goto(link);
  await expect(user.getByTestId("reset-for")).toContainText(email);
  await user.getByLabel("New password", { exact: true }).fill(password);
  await user.getByLabel("New password again").fill(password);
  await user.getByRole("button", { name: "Set password" }).click();
  await user.waitForURL(/\/login\?notice=password-reset$/);
  await expect(user.getByTestId("login-notice")).toBeVisible();
  expect(await signInWith(user, email, password)).toBeNull();
  await user.goto(link);
  await expect(user.getByTestId("reset-invalid")).toBeVisible();
  await user.close();
});

test("an admin invites a researcher by link: no password until they choose one on the link, which works once", async ({ page, browser }) => {
  const invited = `dr.invited-${RUN}@consilium.local`;
  const chosen = "a welcome phrase for the ward";
  await loginAs(page, USERS.admin);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Invite by link" });
  await form.getByLabel("Name").fill("Dr. Invited");
  await form.getByLabel("Email").fill(invited);
  await form.getByLabel("Role").selectOption("RESEARCHER");
  await form.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await page.getByTestId("invite-link").locator("code").textContent())!;
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/reset-password\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("invite-link")).toContainText(invited);
  await expect(page.getByText(invited).first()).toBeVisible(); // listed among the users

  const user = await browser.newPage();
  expect(await signInWith(user, invited, chosen)).not.toBeNull(); // no password yet
  await user.goto(link);
  await expect(user.getByRole("heading", { name: "Welcome to Consilium" })).toBeVisible();
  await expect(user.getByTestId("reset-for")).toContainText(`Dr. Invited, you were invited as ${invited}`);
  await user.getByLabel("New password", { exact: true }).fill(chosen);
  await user.getByLabel("New password again").fill(chosen);
  await user.getByRole("button", { name: "Set password" }).click();
  await user.waitForURL(/\/login\?notice=password-reset$/);
  expect(await signInWith(user, invited, chosen)).toBeNull();
  await user.goto(link);
  await expect(user.getByTestId("reset-invalid")).toBeVisible();
  await user.close();
});

test("a user makes a scoped token on the account page, uses it, and revokes it", async ({ page }) => {
  expect(await signInWith(page, email, password)).toBeNull();
  await page.goto("/account");
  await page.getByLabel("Name").fill("e2e script");
  await page.getByLabel(/project:read/).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token-value").textContent())!;
  expect(token).toMatch(/^csm_/);
  await expect(page.getByTestId("tokens-table")).toContainText("e2e script");
  const bearer = { authorization: `Bearer ${token}`, cookie: "" };
  const scores = "/api/v1/projects/consumer-health-qa/scores";
  expect((await page.request.get(scores, { headers: bearer })).status()).toBe(404); // in scope; not a member of that project
  expect((await page.request.get("/api/v1/projects/consumer-health-qa/export", { headers: bearer })).status()).toBe(403); // role may export, token may not
  await page.getByRole("button", { name: "Revoke e2e script" }).click();
  await expect(page.getByTestId("tokens-table")).toContainText("revoked");
  expect((await page.request.get(scores, { headers: bearer })).status()).toBe(401);
});

test("changing the password ends the session; only the new password signs in", async ({ page }) => {
  expect(await signInWith(page, email, password)).toBeNull();
  await page.goto("/account");
  await page.getByLabel("Current password").fill(password);
  const next = "second light over the ward";
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.waitForURL(/\/login\?notice=password-changed$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login$/);
  expect(await signInWith(page, email, password)).toBe("CredentialsSignin");
  password = next;
  expect(await signInWith(page, email, password)).toBeNull();
});

test("a forged X-Forwarded-For does not get past the back-off; an admin sees and lifts the lockout", async ({ page, browser }) => {
  const attacker = await browser.newPage();
  for (let i = 0; i < 5; i++) expect(await signInWith(attacker, email, `guess number ${i}`)).toBe("CredentialsSignin");
  expect(await signInWith(attacker, email, password)).toMatch(/^RateLimited:\d+$/);
  expect(await signInWith(attacker, email, password, { "x-forwarded-for": "10.77.0.1", "x-consilium-client-address": "10.77.0.2" })).toMatch(/^RateLimited:/);
  await attacker.goto("/login");
  await attacker.getByLabel("Email").fill(email);
  await attacker.getByLabel("Password").fill(password);
  await attacker.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(attacker.getByTestId("login-error")).toContainText(/Wait \d+ seconds/);

  await loginAs(page, USERS.admin);
  await page.goto("/admin/users");
  const row = page.getByTestId("lockouts").getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await expect(row).toContainText("127.0.0.1");
  await row.getByRole("button", { name: "Lift" }).click();
  await expect(page.getByTestId("no-lockouts")).toBeVisible();
  expect(await signInWith(attacker, email, password)).toBeNull();
  await attacker.close();
});
