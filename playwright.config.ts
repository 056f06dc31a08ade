import { defineConfig } from "@playwright/test";

// E2E runs against the production build (`next build` first; `npm test` does it) and a real,
// seeded PostgreSQL database given in DATABASE_URL, in Debian's Chromium (never a downloaded browser).
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The OpenID provider e2e/sso.spec.ts starts on loopback, and the app's configuration for it. */
export const OIDC = {
  issuer: `http://127.0.0.1:${Number(process.env.E2E_OIDC_PORT ?? 3155)}`,
  clientId: "consilium-e2e",
  clientSecret: "e2e-oidc-secret-not-for-production",
  name: "Hospital SSO",
  redirectUri: `http://127.0.0.1:${PORT}/api/auth/callback/oidc`,
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "on-first-retry",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // Our server (scripts/serve.ts), as `npm start` runs it: it stamps the client address.
    command: `node_modules/.bin/tsx scripts/serve.ts -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production",
      NEXT_TELEMETRY_DISABLED: "1",
      OIDC_ISSUER: OIDC.issuer,
      OIDC_CLIENT_ID: OIDC.clientId,
      OIDC_CLIENT_SECRET: OIDC.clientSecret,
      OIDC_NAME: OIDC.name,
      OIDC_ALLOWED_DOMAINS: "hospital.example,consilium.local",
    },
  },
});
