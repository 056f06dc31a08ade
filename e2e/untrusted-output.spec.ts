import { writeFileSync } from "node:fs";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { RUN, assignToReviewer1, importFile, queueHrefs } from "./fixtures/workspace";
import type { Page } from "@playwright/test";

// Issue 7: markup in items and model output is shown to the reviewer as its marked source, in
// every kind of field: never run, never silently dropped, no request to a tracking host.
const img = (field: string) => `<img src=x onerror=alert('${field}')>`;
const ITEMS = [
  {
    kind: "qa",
    externalId: "x-qa",
    question: `Is this safe? ${img("question")}`,
    context: `Context ${img("context")}`,
    criteria: [{ criterion: `Mentions the risk ${img("criterion")}`, points: 5 }],
    responses: [
      {
        modelName: `model ${img("model")}`,
        content: `See [the source](javascript:alert('content')) and <script>alert('content')</script> here.`,
        reasoning: `Step 1: $\\href{javascript:alert('reasoning')}{x}$ and $a^2$. ![scan](https://tracker.example/p.gif)`,
      },
    ],
  },
  { kind: "mcq", externalId: "x-mcq", question: "First-line drug?", options: { A: `Aspirin ${img("option")}`, B: "Heparin" }, responses: [{ modelName: "m", choice: "A", content: "Because." }] },
  { kind: "dialogue", externalId: "x-dlg", turns: [{ role: "patient", content: `I feel dizzy ${img("turn")}` }], responses: [{ modelName: "m", content: "Since when?" }] },
  { kind: "note", externalId: "x-note", text: "x", sentences: [{ id: 0, text: `Patient given ${img("sentence")} today.` }, { id: 1, text: "Stable." }], responses: [] },
  { kind: "ddx", externalId: "x-ddx", case: "Fever and rash.", responses: [{ modelName: "m", differential: [{ diagnosis: `Measles ${img("diagnosis")}`, rationale: "Koplik spots" }] }] },
];

/** A visible marker of this kind holding `text`, with the badge that says it was not rendered. */
async function expectMarked(page: Page, kind: string, text: string, badge: string) {
  const marker = page.locator(`code[data-unrendered="${kind}"]`, { hasText: text }).first();
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute("title", /not rendered|not followed|not loaded/);
  expect(await marker.evaluate((e) => getComputedStyle(e, "::before").content)).toBe(`"${badge}"`);
}

test("untrusted markup is shown marked in every kind of field, and nothing runs", async ({ page }, info) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const tracked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("tracker.example")) tracked.push(request.url());
  });

  await loginAs(page, USERS.admin);
  // Not blinded, so the reviewer sees model names (imported text too).
  await page.goto("/projects/new");
  await page.getByLabel("Name", { exact: true }).fill(`Payloads E2E ${RUN}`);
  await page.getByLabel("Slug (used in URLs and the CLI)").fill(`payloads-${RUN}`);
  await page.getByLabel("Rubric template").selectOption("healthbench-criteria");
  await expect(page.getByTestId("template-citation")).toHaveText(/HealthBench/);
  await page.getByLabel("Blinded (reviewers never see model names)").uncheck();
  await page.getByLabel("Reviewers per item").fill("1");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(`**/projects/payloads-${RUN}`);
  const file = info.outputPath("payloads.jsonl");
  writeFileSync(file, ITEMS.map((item) => JSON.stringify(item)).join("\n"));
  await importFile(page, file, "Imported 5 items with 4 responses.");
  await assignToReviewer1(page, "P", "Assigned 5 items as 5 assignments.");

  await loginAs(page, USERS.reviewer1);
  const seen = new Set<string>();
  for (const href of await queueHrefs(page, new RegExp(`Payloads E2E ${RUN} / P`))) {
    await page.goto(href);
    const kind = (await page.locator("[data-kind]").first().getAttribute("data-kind"))!;
    seen.add(kind);
    if (kind === "qa") {
      await expectMarked(page, "html", img("question"), "HTML not rendered");
      await page.getByText("Context", { exact: true }).click();
      await expectMarked(page, "html", img("context"), "HTML not rendered");
      await expectMarked(page, "html", img("criterion"), "HTML not rendered");
      await expectMarked(page, "html", img("model"), "HTML not rendered");
      await expectMarked(page, "link", "javascript:alert('content')", "link not followed");
      await expectMarked(page, "html", "<script>", "HTML not rendered");
      await expect(page.getByTestId("response-content")).toContainText("<script>alert('content')</script>");
      await page.getByTestId("reasoning").locator("summary").click();
      await expectMarked(page, "math", "\\href{javascript:alert('reasoning')}{x}", "TeX not rendered");
      await expectMarked(page, "image", "scan — https://tracker.example/p.gif", "image not loaded");
      await expect(page.getByTestId("reasoning").locator(".katex")).toHaveCount(1); // $a^2$ is still typeset
      await expect(page.locator('a[href^="javascript"], img[src*="tracker.example"], script[src]:not([src^="/_next/"])')).toHaveCount(0);
    } else if (kind === "mcq") {
      await expectMarked(page, "html", img("option"), "HTML not rendered");
    } else if (kind === "dialogue") {
      await expectMarked(page, "html", img("turn"), "HTML not rendered");
    } else if (kind === "note") {
      await expectMarked(page, "html", img("sentence"), "HTML not rendered");
      await expect(page.getByTestId("note-sentences").locator("[data-sentence-id='0']")).toContainText(`Patient given ${img("sentence")} today.`);
    } else if (kind === "ddx") {
      await expectMarked(page, "html", img("diagnosis"), "HTML not rendered");
    }
  }
  expect([...seen].sort()).toEqual(["ddx", "dialogue", "mcq", "note", "qa"]);
  expect(dialogs).toEqual([]);
  expect(tracked).toEqual([]);
});
