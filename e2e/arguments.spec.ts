import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import type { Page } from "@playwright/test";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { selectText } from "./fixtures/select-text";
import { queryOne } from "./fixtures/db";
import { assignToReviewer1, createProject, FIXTURES, queueHrefs, RUN } from "./fixtures/workspace";

// The argument-structure tool in Chromium: AbstRCT imported through the project page and exported
// back (brat and BIO compared with the originals), spans made by mouse and by keyboard, relations
// by keyboard and by dragging, autosave across a reload, right-to-left text and emoji offsets.
test.describe.configure({ mode: "serial" });

const ABSTRCT = path.join(FIXTURES, "abstrct/brat");
const SLUG = `abstrct-${RUN}`;

/** T lines as "type start end text" and R lines by their spans' T lines, sorted — plain string splitting. */
function linesOf(ann: string) {
  const rows = ann.split("\n").filter((l) => l !== "").map((l) => l.split("\t"));
  const t = new Map(rows.filter(([id]) => id.startsWith("T")).map(([id, head, text]) => [id, `${head} ${text}`]));
  const r = rows.filter(([id]) => id.startsWith("R")).map(([, head]) => {
    const [type, a1, a2] = head.split(" ");
    return `${type} | ${t.get(a1.slice(5))} | ${t.get(a2.slice(5))}`;
  });
  return { t: [...t.values()].sort(), r: r.sort() };
}

/** BIO computed independently: paint characters by span (longest first), tag whitespace tokens by their first painted character. */
function simpleBio(id: string): string {
  const chars = Array.from(readFileSync(path.join(ABSTRCT, `${id}.txt`), "utf8"));
  const spans = readFileSync(path.join(ABSTRCT, `${id}.ann`), "utf8").split("\n").filter((l) => l.startsWith("T")).map((l) => {
    const [label, start, end] = l.split("\t")[1].split(" ");
    return { label: label === "MajorClaim" ? "Claim" : label, start: Number(start), end: Number(end) };
  }).sort((a, b) => b.end - b.start - (a.end - a.start));
  const paint = chars.map(() => -1);
  spans.forEach((s, k) => {
    for (let c = s.start; c < s.end; c++) if (paint[c] === -1) paint[c] = k;
  });
  const lines: string[] = [];
  let previous = -1;
  for (let c = 0; c < chars.length; ) {
    if (/\s/.test(chars[c])) {
      c++;
      continue;
    }
    const from = c;
    while (c < chars.length && !/\s/.test(chars[c])) c++;
    const owner = paint.slice(from, c).find((p) => p !== -1) ?? -1;
    lines.push(`${chars.slice(from, c).join("")}\t${owner === -1 ? "O" : `${owner === previous ? "I" : "B"}-${spans[owner].label}`}`);
    previous = owner;
  }
  return `-DOCSTART-\timported/${id}\n${lines.join("\n")}\n`;
}

/** Drags the mouse over `part` of the annotator's text, as a reviewer selects it. */
async function savedArguments(assignmentId: string) {
  const row = await queryOne<{ data: { arguments?: Record<string, { spans: Array<{ label: string; start: number; end: number; text: string }>; relations: Array<{ label: string; from: string; to: string }> }> } }>(
    'SELECT data FROM "Annotation" WHERE "assignmentId" = $1', [assignmentId],
  );
  return row?.data.arguments ?? {};
}

async function findItem(page: Page, contains: string): Promise<string | null> {
  for (const href of await queueHrefs(page, /Argument structure: claims, premises and relations \(demo\) \/ Arguments demo/)) {
    await page.goto(href);
    if (await page.getByTestId("argument-text-layer").filter({ hasText: contains }).count()) return href.split("/review/")[1];
  }
  return null;
}

async function openItem(page: Page, contains: string): Promise<string> {
  const found = await findItem(page, contains);
  if (!found) throw new Error(`No assignment shows "${contains}"`);
  return found;
}

/** The demo assigns each text to two of the three reviewers (seeded): sign in as one who has it. */
async function openItemAsAnyReviewer(page: Page, contains: string): Promise<string> {
  for (const who of [USERS.reviewer1, USERS.reviewer2, USERS.reviewer3]) {
    await loginAs(page, who);
    const found = await findItem(page, contains);
    if (found) return found;
  }
  throw new Error(`No reviewer has an assignment showing "${contains}"`);
}

test("AbstRCT through the project page: imported as notes, exported as brat and BIO equal to the originals", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `AbstRCT ${RUN}`, slug: SLUG, template: "argument-structure", citation: /AbstRCT/ });
  await page.getByTestId("arguments-format").selectOption("brat");
  await page.getByTestId("arguments-files").setInputFiles(readdirSync(ABSTRCT).map((n) => path.join(ABSTRCT, n)));
  await page.getByTestId("arguments-import").click();
  await expect(page.getByTestId("arguments-import-result")).toHaveText("Imported 30 items with 0 responses; the label set gained the labels of annotation.conf.");

  const zip = await page.request.get(`/api/v1/projects/${SLUG}/export?format=brat&source=imported`);
  const files = unzipSync(new Uint8Array(await zip.body()));
  const originals = readdirSync(ABSTRCT).filter((n) => /\.(txt|ann)$/.test(n)).sort();
  expect(Object.keys(files).filter((n) => /\.(txt|ann)$/.test(n)).sort()).toEqual(originals.map((n) => `imported/${n}`));
  for (const name of originals) {
    const original = readFileSync(path.join(ABSTRCT, name), "utf8");
    const again = new TextDecoder().decode(files[`imported/${name}`]);
    if (name.endsWith(".txt")) expect(again).toBe(original);
    else expect({ name, ...linesOf(again) }).toEqual({ name, ...linesOf(original) });
  }
  const bio = await (await page.request.get(`/api/v1/projects/${SLUG}/export?format=conll&source=imported&foldMajorClaim=true`)).text();
  expect(bio).toBe(originals.filter((n) => n.endsWith(".ann")).map((n) => simpleBio(n.slice(0, -4))).join("\n"));

  await assignToReviewer1(page, "Abstracts", "Assigned 30 items as 30 assignments.");
});

test("spans by mouse and by keyboard, relations by keyboard and by drag, kept across a reload", async ({ page }) => {
  await loginAs(page, USERS.reviewer1);
  await page.setViewportSize({ width: 1400, height: 1000 });
  const assignmentId = await openItem(page, "Night-time dosing");
  const annotator = page.getByTestId("argument-annotator").first();
  const counts = annotator.getByTestId("argument-counts");
  await expect(counts).toHaveText("0 spans · 0 relations");

  // Mouse: select the conclusion, label it with the toolbar; select a result, label it with a key.
  await selectText(page, annotator, "Evening dosing did not reduce cardiovascular events");
  await expect(annotator.getByTestId("argument-selection").first()).toBeVisible();
  await annotator.locator('button[data-label="MajorClaim"]').click();
  await selectText(page, annotator, "Events occurred in 5.1% with evening and 5.4% with morning dosing");
  await page.keyboard.press("p");
  await expect(counts).toHaveText("2 spans · 0 relations");

  // Keyboard: caret to "Adherence" word by word, extend over "Adherence was lower", label it Premise.
  await page.keyboard.press("Escape");
  const words = "Background: Night-time dosing of antihypertensives has been proposed to lower cardiovascular events. Methods: 1,020 adults were randomised to morning or evening dosing of their usual tablets and followed for three years. Results: Events occurred in 5.1% with evening and 5.4% with morning dosing (hazard ratio 0.94, 95% CI 0.71 to 1.25).".split(/\s+/).length;
  for (let i = 0; i <= words; i++) await page.keyboard.press("ArrowRight");
  await expect(annotator.getByTestId("argument-caret")).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("p");
  await expect(counts).toHaveText("3 spans · 0 relations");

  // Relation by keyboard: the selected new premise supports the major claim (R, 1, ] to the target, Space).
  await page.keyboard.press("r");
  await page.keyboard.press("1");
  await expect(annotator.getByTestId("argument-status")).toContainText("Support from");
  for (let i = 0; i < 3 && !(await annotator.getByTestId("argument-status").textContent())?.includes("to “Evening dosing"); i++) await page.keyboard.press("]");
  await page.keyboard.press(" ");
  await expect(counts).toHaveText("3 spans · 1 relations");
  await expect(annotator.getByTestId("relation-list")).toContainText("Support → Evening dosing did not reduce cardiovascular events");

  // Relation by drag: the results premise's tag onto the major claim's tag, then Attack.
  const tags = annotator.locator("[data-tag-span]");
  const premiseTag = tags.filter({ hasText: "Premise" }).first();
  const claimTag = tags.filter({ hasText: "MajorClaim" }).first();
  const from = (await premiseTag.boundingBox())!;
  const to = (await claimTag.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await expect(annotator.getByTestId("relation-drag")).toBeVisible();
  await page.mouse.up();
  await annotator.getByTestId("relation-types").getByRole("button", { name: /Attack/ }).click();
  await expect(counts).toHaveText("3 spans · 2 relations");

  // Selecting a relation in the list highlights its arc.
  const item = annotator.locator("[data-relation-item]").first();
  await item.click();
  await expect(annotator.locator(`[data-relation="${await item.getAttribute("data-relation-item")}"]`)).toHaveAttribute("data-selected", "true");

  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await page.reload();
  await expect(page.getByTestId("argument-annotator").first().getByTestId("argument-counts")).toHaveText("3 spans · 2 relations");
  const saved = (await savedArguments(assignmentId))["item.text"];
  expect(saved.spans.map((s) => [s.label, s.text]).sort()).toEqual([
    ["MajorClaim", "Evening dosing did not reduce cardiovascular events"],
    ["Premise", "Adherence was lower"],
    ["Premise", "Events occurred in 5.1% with evening and 5.4% with morning dosing"],
  ]);
  expect(saved.relations.map((r) => r.label).sort()).toEqual(["Attack", "Support"]);
});

test("right-to-left text displays and selects in reading order; offsets after emoji are code points", async ({ page }) => {
  const arabic = await openItemAsAnyReviewer(page, "ضغط الدم");
  const layer = page.getByTestId("argument-text-layer").first();
  expect(await layer.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  await page.getByTestId("argument-annotator").first().focus();
  await page.keyboard.press("ArrowLeft"); // forward in Arabic: the caret on the first word
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("p");
  await expect(page.getByTestId("argument-counts").first()).toHaveText("1 spans · 0 relations");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  expect((await savedArguments(arabic))["item.text"].spans[0]).toMatchObject({ start: 0, end: 8, text: "ضغط الدم" });

  const multi = await openItemAsAnyReviewer(page, "Patient diary");
  await selectText(page, page.getByTestId("argument-annotator").first(), "the fever has resolved without treatment");
  await page.keyboard.press("c");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const text = "Patient diary 📓: fever 🌡️ 38.9°C for 3 days 🙂 then none. 患者は𠮷田さん。So the fever has resolved without treatment.";
  const start = Array.from(text.slice(0, text.indexOf("the fever has"))).length;
  expect((await savedArguments(multi))["item.text"].spans[0]).toEqual({ id: "T1", label: "Claim", start, end: start + 40, text: "the fever has resolved without treatment" });
});
