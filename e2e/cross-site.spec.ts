import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { queryOne } from "./fixtures/db";

// A page on another origin (here another port of the same host, which browsers treat as the
// same *site*, so the admin's cookie is sent) must not be able to act with the admin's cookie.
const ATTACKER = "http://127.0.0.1:4999";
const ROOT = path.resolve(import.meta.dirname, "..");

const countItems = async (externalId: string) => Number((await queryOne<{ n: string }>(`SELECT count(*) AS n FROM "Item" WHERE "externalId" = $1`, [externalId])).n);

test("an auto-submitted form on another origin cannot import items with the admin's cookie", async ({ page, baseURL }) => {
  await loginAs(page, USERS.admin);
  const externalId = `csrf-${Date.now().toString(36)}`;
  // text/plain form encoding sends `name=value`: the name carries a JSON line, the value closes it.
  const name = JSON.stringify({ externalId, question: "Injected?", responses: [{ modelName: "m", content: "c" }], pad: "" }).slice(0, -2);
  await page.route(`${ATTACKER}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form id="f" method="post" enctype="text/plain" action="${baseURL}/api/v1/projects/consumer-health-qa/import">
        <input type="hidden" name='${name}' value='"}'></form><script>document.getElementById("f").submit()</script>`,
    }),
  );
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/projects/consumer-health-qa/import"));
  await page.goto(`${ATTACKER}/prize.html`, { waitUntil: "commit" });
  const response = await answer;
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ error: expect.stringMatching(/another site/) });
  expect(await countItems(externalId)).toBe(0);
});

test("cookie-authenticated mutations check Origin and content type; bearer tokens are unaffected", async ({ page, baseURL }) => {
  await loginAs(page, USERS.admin);
  const slug = "consumer-health-qa";
  const line = (id: string) => JSON.stringify({ externalId: id, question: "q", responses: [{ modelName: "m", content: "c" }] });
  const foreign = await page.request.post(`/api/v1/projects/${slug}/import`, { headers: { origin: ATTACKER, "content-type": "application/x-ndjson" }, data: line("x-foreign") });
  expect(foreign.status()).toBe(403);
  const images = await page.request.post(`/api/v1/projects/${slug}/images`, { headers: { origin: ATTACKER, "content-type": "image/png", "x-file-name": "x.png" }, data: Buffer.from([0x89, 0x50]) });
  expect(images.status()).toBe(403);
  const plain = await page.request.post(`/api/v1/projects/${slug}/import`, { headers: { origin: baseURL!, "content-type": "text/plain" }, data: line("x-plain") });
  expect(plain.status()).toBe(415);
  expect(await countItems("x-foreign") + (await countItems("x-plain"))).toBe(0);

  // A token is not sent by browsers on their own, so a foreign Origin does not matter for it.
  const token = execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "lib/cli/main.ts"), "create-token", "--name", "e2e", "--scopes", "project:read", "--as", USERS.admin], { cwd: ROOT, env: process.env }).toString().trim();
  const scores = await page.request.get(`/api/v1/projects/${slug}/scores`, { headers: { origin: ATTACKER, authorization: `Bearer ${token}`, cookie: "" } });
  expect(scores.status()).toBe(200);
});
