import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "../lib/webhooks/signature";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { RUN } from "./fixtures/workspace";

// A project manager adds a webhook in the UI, sends a test event to a receiver on loopback that
// checks the signature the README tells integrators to check, and reads the delivery log.

let server: Server;
let url = "";
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
test.beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/${RUN}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("a webhook is added, its test event arrives signed, and the delivery log shows the answer", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto("/projects/consumer-health-qa/webhooks");
  await page.getByLabel("Receiver address (http or https)").fill(url);
  await page.getByRole("checkbox", { name: /An import finished/ }).uncheck();
  await page.getByRole("button", { name: "Add webhook" }).click();
  const hook = page.getByTestId("webhook").filter({ hasText: url });
  await expect(hook).toBeVisible();
  await expect(hook).toContainText("A batch is complete");
  await expect(hook).not.toContainText("An import finished");

  await hook.getByRole("button", { name: "Send test" }).click();
  await expect(hook.getByTestId("webhook-test-message")).toHaveText("Test event delivered: the receiver answered HTTP 204.");
  await hook.getByText("Signing secret").click();
  const secret = (await hook.getByTestId("webhook-secret").textContent())!;
  const delivery = received.at(-1)!;
  expect(verifySignature(secret, delivery.headers["consilium-signature"] as string, delivery.body)).toMatchObject({ ok: true });
  expect(JSON.parse(delivery.body)).toMatchObject({ event: "webhook.test", project: { slug: "consumer-health-qa" } });
  await expect(hook.getByTestId("delivery-log")).toContainText("webhook.test");
  await expect(hook.getByTestId("delivery-log")).toContainText("delivered");

  await hook.getByRole("button", { name: "Pause" }).click();
  await expect(hook).toContainText("Paused");
  page.once("dialog", (d) => void d.accept());
  await hook.getByRole("button", { name: "Delete" }).click();
  await expect(hook).toHaveCount(0);
});

test("a reviewer sees their unread notices counted in the navigation, reads them and marks them read", async ({ page }) => {
  await loginAs(page, USERS.reviewer2);
  await page.goto("/queue");
  const link = page.getByTestId("notifications-link");
  await expect(link.getByTestId("unread-count")).toHaveText(/^[1-9]\d*$/);
  await link.click();
  await expect(page.getByTestId("notifications")).toContainText("New work:");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByTestId("notifications").locator("[data-unread]")).toHaveCount(0);
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
});
