import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// `npm start` on a machine without PostgreSQL binaries falls back to embedded PGlite. This boots
// that path for real (own data dir, own port, no DATABASE_URL), signs in to the seeded demo and stops it.
test("the PGlite fallback boots, migrates, seeds and serves the app", async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "consilium-pglite-"));
  const port = 3200;
  // The test run's build, as it is: a rebuild here would swap the chunks under the e2e server.
  const env: NodeJS.ProcessEnv = { ...process.env, CONSILIUM_DATA_DIR: dataDir, PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}`, CONSILIUM_SKIP_BUILD: "1" };
  delete env.DATABASE_URL;
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts", "--pglite"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  try {
    await expect.poll(async () => fetch(`http://127.0.0.1:${port}/login`).then((r) => r.status, () => 0), { timeout: 90_000, intervals: [500] }).toBe(200);
    expect(output).toContain("PGlite");
    expect(output).toContain("evaluation only");
    await page.goto(`http://127.0.0.1:${port}/login`);
    await page.getByLabel("Email").fill("researcher@consilium.local");
    await page.getByLabel("Password").fill("consilium-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Consumer health answers (demo)")).toBeVisible();
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((resolve) => child.on("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
