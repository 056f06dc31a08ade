import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expectAccessible } from "./fixtures/a11y";
import { expect, loginAs, PASSWORD, test, USERS } from "./fixtures/auth";
import { messagesOf } from "./fixtures/messages";
import { ROOT, RUN } from "./fixtures/workspace";

// The core study flow in Spanish (the browser's language) and in Arabic (the user's profile choice),
// driven by the translated labels themselves: an English label left on the page fails these tests.
test.describe.configure({ mode: "serial" });

const arCommon = messagesOf("ar", "common");
const arAuth = messagesOf("ar", "auth");
const arQueue = messagesOf("ar", "queue");
const arReview = messagesOf("ar", "review");
const esProject = messagesOf("es", "project");
const esQueue = messagesOf("es", "queue");
const esResults = messagesOf("es", "results");
const esReview = messagesOf("es", "review");

const SLUG = `idiomas-${RUN}`;
const ES_ADMIN = `admin.es.${RUN}@consilium.local`;
const ES_REVIEWER = `revisora.${RUN}@consilium.local`;
const AR_REVIEWER = `muraji.${RUN}@consilium.local`;
const ARABIC_QUESTION = "ما هو العلاج الأولي لارتفاع ضغط الدم غير المعقد لدى البالغين؟";
const ENGLISH_ANSWER = "Thiazide diuretics or ACE inhibitors are first-line.";
const SCREENSHOTS = path.join(ROOT, "test-results", "screenshots");

function createUser(email: string, name: string, role: "ADMIN" | "REVIEWER") {
  execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "lib/cli/main.ts"), "create-user", "--email", email, "--name", name, "--role", role, "--password", PASSWORD, "--as", USERS.admin], { cwd: ROOT, stdio: "pipe", env: process.env });
}

async function pageIn(browser: Browser, locale: string, email: string): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await loginAs(page, email);
  return page;
}

/** Item text takes its direction from the item's language, not from the interface's. */
async function expectItemDirection(page: Page) {
  const arabic = page.getByText(ARABIC_QUESTION);
  const onArabic = (await arabic.count()) > 0;
  const text = onArabic ? arabic : page.getByText(ENGLISH_ANSWER);
  await expect(text).toBeVisible();
  await expect(text.locator("xpath=ancestor-or-self::*[@dir][1]")).toHaveAttribute("dir", onArabic ? "rtl" : "ltr");
}

async function rateEveryAxis(page: Page) {
  for (const group of await page.getByRole("radiogroup").all()) await group.locator("label").first().click();
}

test.beforeAll(() => {
  createUser(ES_ADMIN, "Dra. Lucía Fernández", "ADMIN");
  createUser(ES_REVIEWER, "Dra. Carmen Ruiz", "REVIEWER");
  createUser(AR_REVIEWER, "د. ليلى حداد", "REVIEWER");
});

test("a visitor chooses a language on the login page", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("button", { name: arAuth.login.signIn, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
});

test("in Spanish, from the browser's language: an admin sets up a study and a reviewer completes it", async ({ browser }) => {
  const admin = await pageIn(browser, "es-ES", ES_ADMIN);
  await admin.goto("/projects/new");
  await expect(admin.locator("html")).toHaveAttribute("lang", "es");
  await admin.getByLabel(esProject.new.name, { exact: true }).fill("Estudio en varios idiomas");
  await admin.getByLabel(esProject.new.slug).fill(SLUG);
  await admin.getByLabel(esProject.new.perItem).fill("1");
  await admin.getByRole("button", { name: esProject.new.create }).click();
  await admin.waitForURL(`**/projects/${SLUG}`);

  const dir = path.join(ROOT, "test-results", `languages-${RUN}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "items.jsonl");
  writeFileSync(file, [
    { externalId: "ar-1", kind: "qa", language: "ar", question: ARABIC_QUESTION, responses: [{ modelName: "m1", content: "مدرات البول الثيازيدية أو مثبطات الإنزيم المحول للأنجيوتنسين." }] },
    { externalId: "en-1", kind: "qa", language: "en", question: "What is the first-line treatment for hypertension?", responses: [{ modelName: "m1", content: ENGLISH_ANSWER }] },
  ].map((l) => JSON.stringify(l)).join("\n") + "\n");
  await admin.getByLabel(esProject.import.items.file).setInputFiles(file);
  await admin.getByRole("button", { name: esProject.import.items.submit, exact: true }).click();
  await expect(admin.getByTestId("import-result")).not.toBeEmpty();

  await admin.getByLabel(esProject.batch.name).fill("Ronda 1");
  // Both reviewers review both items: one of them in each script.
  await admin.locator("#b-k").fill("2");
  await admin.getByText(esProject.batch.others.split(" (")[0]).click();
  await admin.getByRole("checkbox", { name: /Dra\. Carmen Ruiz/ }).check();
  await admin.getByRole("checkbox", { name: /د\. ليلى حداد/ }).check();
  await admin.getByRole("button", { name: esProject.batch.create }).click();
  // "Se asignaron 2 elementos en 4 asignaciones."
  await expect(admin.getByText(/^Se asignaron 2 elementos en 4 asignaciones\.$/)).toBeVisible();

  const reviewer = await pageIn(browser, "es-ES", ES_REVIEWER);
  await reviewer.goto("/queue");
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(esQueue.title);
  await reviewer.getByRole("link", { name: /Estudio en varios idiomas/ }).first().click();
  await reviewer.waitForURL("**/review/**");
  await rateEveryAxis(reviewer);
  await expect(reviewer.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(reviewer.getByTestId("submit")).toHaveText(esReview.form.submit);
  const first = reviewer.url();
  await reviewer.getByTestId("submit").click();
  await reviewer.waitForURL((u) => u.href !== first);
  await rateEveryAxis(reviewer);
  const second = reviewer.url();
  await reviewer.getByTestId("submit").click();
  // "Submit and next" leaves at once; the queue then counts both submitted.
  await reviewer.waitForURL((u) => u.href !== second);
  await reviewer.goto(`/queue?project=${SLUG}`);
  await expect(reviewer.getByTestId("count-submitted")).toHaveText("2");

  await admin.goto(`/projects/${SLUG}/results`);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(esResults.page.title);
  await expectAccessible(admin, "results in Spanish");
});

test("in Arabic, from the profile: the layout mirrors, text keeps its own direction, the rubric is translated with the English one click away", async ({ browser }) => {
  // The admin translates one axis of the rubric into Arabic.
  const admin = await pageIn(browser, "en-US", USERS.admin);
  await admin.goto(`/projects/${SLUG}/translations?locale=ar`);
  await admin.getByLabel("Translation of “Scientific consensus”").fill("الإجماع العلمي");
  await admin.getByRole("button", { name: "Save translations" }).click();
  await expect(admin.getByTestId("form-success")).toContainText("1 axis");

  // The reviewer's browser says English; their profile says Arabic, and the profile wins.
  const page = await pageIn(browser, "en-US", AR_REVIEWER);
  await page.goto("/account");
  await page.getByLabel("Language of the interface").selectOption("ar");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");

  await page.goto(`/queue?project=${SLUG}`);
  await page.getByRole("link", { name: /Estudio en varios idiomas/ }).first().click();
  await page.waitForURL("**/review/**");
  // The mirrored layout: the navigation starts at the right.
  const brand = await page.locator("header nav a").first().boundingBox();
  expect(brand!.x).toBeGreaterThan(page.viewportSize()!.width / 2);
  await expectItemDirection(page);

  const axis = page.locator('[data-axis="scientific_consensus"]').first();
  await expect(axis.locator("legend")).toContainText("الإجماع العلمي");
  await axis.getByRole("button", { name: arCommon.original.show }).click();
  await expect(axis.getByTestId("original-wording")).toContainText("Scientific consensus");
  await expect(page.getByTestId("submit")).toHaveText(arReview.form.submit);

  mkdirSync(SCREENSHOTS, { recursive: true });
  const shot = await page.screenshot({ fullPage: true, path: path.join(SCREENSHOTS, "review-page-ar.png") });
  await test.info().attach("review page in Arabic", { body: shot, contentType: "image/png" });
  await expectAccessible(page, "review page in Arabic");

  // Submitting too early names what is missing in Arabic too (the server sends a code beside its English).
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("submit-problems")).toContainText(`${arReview.where.required.split("{axis}")[1]}`);
  await rateEveryAxis(page);
  const first = page.url();
  await page.getByTestId("submit").click();
  await page.waitForURL((u) => u.href !== first);
  await expectItemDirection(page);
  await rateEveryAxis(page);
  const second = page.url();
  await page.getByTestId("submit").click();
  await page.waitForURL((u) => u.href !== second);
  await page.goto(`/queue?project=${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(arQueue.title);
  await expect(page.getByTestId("count-submitted")).toHaveText("2");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});
