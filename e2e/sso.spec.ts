import type { Server } from "node:http";
import Provider from "oidc-provider";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { queryOne } from "./fixtures/db";
import { OIDC } from "../playwright.config";

// Single sign-on end to end: a real OpenID provider (oidc-provider, its own login and consent pages)
// on loopback, the app configured for it by environment variables (playwright.config.ts), Chromium
// going back and forth between them.

const ACCOUNTS: Record<string, { email: string; name: string }> = {
  amira: { email: "amira.haddad@hospital.example", name: "Dr. Amira Haddad" },
  intruder: { email: "someone@elsewhere.example", name: "Someone Else" },
};

let server: Server;
test.beforeAll(async () => {
  const provider = new Provider(OIDC.issuer, {
    clients: [{ client_id: OIDC.clientId, client_secret: OIDC.clientSecret, redirect_uris: [OIDC.redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { email: ["email", "email_verified"], profile: ["name"] },
    // next-auth reads the identity from the ID token: put the scopes' claims in it.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: ACCOUNTS[id]?.email ?? `${id}@hospital.example`, email_verified: true, name: ACCOUNTS[id]?.name ?? id }),
    }),
    features: { devInteractions: { enabled: true } },
  });
  await new Promise<void>((resolve) => {
    server = provider.listen(Number(new URL(OIDC.issuer).port), "127.0.0.1", resolve) as unknown as Server;
  });
});
test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

async function signInAtProvider(page: import("@playwright/test").Page, login: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: `Sign in with ${OIDC.name}` }).click();
  // The provider's own login page, unless it still has a session of its own and answers at once.
  const providerLogin = page.locator('input[name="login"]');
  await expect(providerLogin.or(page.getByTestId("whoami")).or(page.getByTestId("login-error"))).toBeVisible();
  if (!(await providerLogin.isVisible())) return;
  await providerLogin.fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The consent page appears on a first authorization only; otherwise the app's page is next.
  const consent = page.getByRole("button", { name: "Continue" });
  await expect(consent.or(page.getByTestId("whoami")).or(page.getByTestId("login-error"))).toBeVisible();
  if (await consent.isVisible()) await consent.click();
}

test("first sign-in through the hospital's provider creates the reviewer; deactivation still locks them out", async ({ browser }) => {
  const page = await browser.newPage();
  await signInAtProvider(page, "amira");
  await expect(page.getByTestId("whoami")).toContainText("Dr. Amira Haddad");
  const user = await queryOne<{ role: string; ssoSubject: string }>(`SELECT role, "ssoSubject" FROM "User" WHERE email = $1`, [ACCOUNTS.amira.email]);
  expect(user).toEqual({ role: "REVIEWER", ssoSubject: `${OIDC.issuer}|amira` });

  const admin = await browser.newPage();
  await loginAs(admin, USERS.admin);
  await admin.goto("/admin/users");
  const row = admin.getByRole("row", { name: /amira\.haddad@hospital\.example/ });
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("deactivated");

  // The session ends at once, and the provider cannot sign them back in.
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login$/);
  await signInAtProvider(page, "amira");
  await expect(page).toHaveURL(/\/login\?error=SsoRefused&reason=inactive/);
  await expect(page.getByTestId("login-error")).toContainText("deactivated");
  await row.getByRole("button", { name: "Reactivate" }).click();
  await expect(row).not.toContainText("deactivated");
});

test("an address outside the allowed domains is refused and no account is created", async ({ page }) => {
  await signInAtProvider(page, "intruder");
  await expect(page).toHaveURL(/\/login\?error=SsoRefused&reason=domain/);
  await expect(page.getByTestId("login-error")).toContainText("hospital.example");
  expect(await queryOne<{ n: string }>(`SELECT count(*) AS n FROM "User" WHERE email = $1`, [ACCOUNTS.intruder.email])).toEqual({ n: "0" });
});
