import { openQueuedItem } from "./fixtures/queue";
import type { Browser, Page } from "@playwright/test";
import { expect, loginAs, test, USERS } from "./fixtures/auth";

// Issue 8, "Done means": autosave and conflict handling cover the new tools exactly as they cover
// ratings — edits made offline are kept across a reload and sent when the server is back, and a
// stale save from a second device is shown as a conflict with readable differences, never
// overwritten. Dr. Tanaka (reviewer3) works here so the other spec files' reviewers are untouched.
test.describe.configure({ mode: "serial" });

const ARGUMENTS = /Argument structure: claims, premises and relations \(demo\) \/ Arguments demo/;
const STEPS = /Reasoning steps and reference statements \(demo\) \/ Demo/;

function openFirst(page: Page, project: string, group: RegExp, has: string): Promise<string> {
  return openQueuedItem(page, project, group, async () => (await page.getByTestId(has).count()) > 0);
}

async function secondDevice(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, USERS.reviewer3);
  await page.goto(url);
  await expect(page.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  return { context, page };
}

const spanCount = async (page: Page) => Number((await page.getByTestId("argument-counts").first().textContent())?.match(/^(\d+) spans/)?.[1]);

/** Caret on the annotator's n-th word (reading order), extended over two more, labelled with `key`. */
async function labelWords(page: Page, word: number, key: string) {
  const annotator = page.getByTestId("argument-annotator").first();
  await annotator.focus();
  await page.keyboard.press("Escape");
  for (let i = 0; i < word; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press(key);
}

test("argument spans: made offline, kept across a reload, sent when back; a second device's stale save is a conflict", async ({ page, browser }) => {
  await loginAs(page, USERS.reviewer3);
  const url = await openFirst(page, "argument-showcase", ARGUMENTS, "argument-annotator");
  const saveUrl = url.replace("/review/", "/api/v1/assignments/") + "/annotation";
  const before = await spanCount(page);

  await page.route(saveUrl, (route) => route.abort("internetdisconnected"));
  await labelWords(page, 1, "p");
  await expect(page.getByTestId("argument-counts").first()).toContainText(`${before + 1} spans`);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "retrying");
  await page.reload();
  await expect(page.getByTestId("argument-counts").first()).toContainText(`${before + 1} spans`);
  await page.unroute(saveUrl);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 40_000 });

  // Device two opens the saved version; device one then adds a claim, device two (stale) a major claim.
  const two = await secondDevice(browser, url);
  await expect(two.page.getByTestId("argument-counts").first()).toContainText(`${before + 1} spans`);
  await labelWords(page, 6, "c");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await labelWords(two.page, 10, "m");
  await expect(two.page.getByTestId("conflict")).toBeVisible();
  await expect(two.page.getByTestId("conflict-differences")).toContainText("Arguments · ");
  await expect(two.page.getByTestId("conflict-differences")).toContainText("added MajorClaim");
  await expect(two.page.getByTestId("conflict-differences")).toContainText("removed Claim");

  // Keeping device one's version: device two shows it, and its own span is gone deliberately.
  await two.page.getByRole("button", { name: "Use the other version" }).click();
  await expect(two.page.getByTestId("conflict")).toHaveCount(0);
  await expect(two.page.getByTestId("argument-counts").first()).toContainText(`${before + 2} spans`);
  await expect(two.page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await two.context.close();
});

test("step labels: made offline, kept across a reload, sent when back; a second device's stale save is a conflict", async ({ page, browser }) => {
  await loginAs(page, USERS.reviewer3);
  const url = await openFirst(page, "steps-showcase", STEPS, "steps-progress");
  const saveUrl = url.replace("/review/", "/api/v1/assignments/") + "/annotation";
  const progress = page.getByTestId("steps-progress").first();

  await page.route(saveUrl, (route) => route.abort("internetdisconnected"));
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("j");
  await expect(page.locator(":focus")).toHaveAttribute("data-nav", "step");
  await page.keyboard.press("1"); // step 1 correct
  await expect(progress).toHaveText(/^1\/\d+ labelled$/);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "retrying");
  await page.reload();
  await expect(page.getByTestId("steps-progress").first()).toHaveText(/^1\/\d+ labelled$/);
  await page.unroute(saveUrl);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 40_000 });

  const two = await secondDevice(browser, url);
  await expect(two.page.getByTestId("steps-progress").first()).toHaveText(/^1\/\d+ labelled$/);
  // Device one labels step 2 correct; device two, on its stale copy, labels step 2 irrelevant.
  await page.locator('[data-nav="step"]').nth(1).focus();
  await page.keyboard.press("1");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await two.page.locator('[data-nav="step"]').nth(1).focus();
  await two.page.keyboard.press("4");
  await expect(two.page.getByTestId("conflict")).toBeVisible();
  await expect(two.page.getByTestId("conflict-differences")).toContainText("Step 2 verdict: Correct → Irrelevant");

  await two.page.getByRole("button", { name: "Keep mine" }).click();
  await expect(two.page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await page.reload();
  await expect(page.locator('[data-step="2"]').first().getByRole("radio", { name: "Irrelevant" })).toBeChecked();
  await two.context.close();
});
