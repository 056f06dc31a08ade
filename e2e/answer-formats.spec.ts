import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { selectText } from "./fixtures/select-text";
import { expectAccessible } from "./fixtures/a11y";

// Issue 13, small formats: the formats demo (prisma/demo/formats-showcase.ts) reveals its answer
// keys. A reviewer sees a calculator question's accepted range with each model's number graded
// (a wrong unit is wrong), and a select-all question with every correct option marked; the study
// team sees the automatic grades per model on the results page.
const GROUP = /Answer formats: numbers, select-all, voice, citations, summaries, image series \(demo\) \/ Formats demo/;

test("numeric answers and select-all questions show the key and the automatic grade; a recording plays from its transcript", async ({ browser }) => {
  const seen = new Set<string>();
  for (const reviewer of [USERS.reviewer1, USERS.reviewer2, USERS.reviewer3]) {
    const context = await browser.newContext(); // axe needs a page of its own context
    const page = await context.newPage();
    await loginAs(page, reviewer);
    await page.goto("/queue?project=formats-showcase");
    const count = await page.getByRole("link", { name: GROUP }).count();
    for (let i = 0; i < count; i++) {
      await page.goto("/queue?project=formats-showcase");
      await page.getByRole("link", { name: GROUP }).nth(i).click();
      await page.waitForURL("**/review/**");
      const kind = await page.locator("section[data-kind]").first().getAttribute("data-kind");
      if (kind === "dialogue" && !seen.has("voice")) {
        seen.add("voice");
        // The recording loads (by item id, seekable) and a transcript line plays from its time, by keyboard.
        const audio = page.getByTestId("audio").locator("audio");
        await expect(audio).toHaveAttribute("src", /^\/api\/v1\/items\/[^/]+\/audio$/);
        await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(9);
        await expect(page.getByTestId("audio-transcript").locator("li")).toHaveCount(4);
        await page.getByRole("button", { name: "Play from 0:04" }).focus();
        await page.keyboard.press("Enter");
        await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThanOrEqual(4.6);
        await audio.evaluate((a: HTMLAudioElement) => a.pause());
        const range = await page.request.get((await audio.getAttribute("src"))!, { headers: { Range: "bytes=0-11" } });
        expect([range.status(), range.headers()["content-range"], (await range.body()).subarray(0, 4).toString()]).toEqual([206, expect.stringMatching(/^bytes 0-11\/\d+$/), "RIFF"]);
        await expectAccessible(page, "review page with a recording");
        continue;
      }
      if (kind === "summary" && !seen.has("summary")) {
        seen.add("summary");
        const panel = page.getByTestId("grounding-panel").filter({ hasText: "IV ceftriaxone" });
        const [summary, source] = [panel.locator('[data-nav="argument-text"]').first(), panel.locator('[data-nav="argument-text"]').nth(1)];
        // Keyboard: the caret word by word to "10", extended over "10 days", V marks a wrong value.
        await summary.focus();
        for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowRight");
        await page.keyboard.press("Shift+ArrowRight");
        await page.keyboard.press("Shift+ArrowRight");
        await page.keyboard.press("v");
        // Mouse: in the source, the omitted warfarin change, O marks it.
        await selectText(page, source, "restarted at a lower dose");
        await page.keyboard.press("o");
        await expect(panel.getByTestId("grounding-counts")).toHaveText("1 unsupported stretch, 1 omission");
        await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
        await expectAccessible(page, "review page with a summary and its source");
        continue;
      }
      const layout = kind === "vqa" ? await page.getByTestId("image-viewer").getAttribute("data-layout") : null;
      if (layout === "compare" && !seen.has("compare")) {
        seen.add("compare");
        // A prior and a current film zoom and pan together.
        const frames = page.getByTestId("image-compare").locator("[data-frame]");
        await expect(frames).toHaveCount(2);
        await frames.first().focus();
        await page.keyboard.press("+");
        await page.keyboard.press("+");
        await page.keyboard.press("ArrowRight");
        const transforms = await frames.locator("img").evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).style.transform));
        expect(transforms[0]).toContain("scale(1.5625)");
        expect(transforms[1]).toBe(transforms[0]);
        await expect(page.getByTestId("zoom-level")).toHaveText("156%");
        continue;
      }
      if (layout === "stack" && !seen.has("stack")) {
        seen.add("stack");
        // Twelve slices: Page Down moves through them and the zoom stays; the slider jumps.
        const frame = page.locator("[data-slice]");
        await expect(page.getByTestId("slice-position")).toHaveText("Slice 1 of 12");
        await frame.focus();
        await page.keyboard.press("+");
        for (let i = 0; i < 5; i++) await page.keyboard.press("PageDown");
        await expect(page.getByTestId("slice-position")).toHaveText("Slice 6 of 12");
        await expect(frame).toHaveAttribute("data-slice", "6");
        await expect(page.getByTestId("zoom-level")).toHaveText("125%");
        await page.getByRole("slider", { name: "Slice" }).fill("12");
        await expect(page.getByTestId("slice-position")).toHaveText("Slice 12 of 12");
        await expectAccessible(page, "review page with an image stack");
        continue;
      }
      if (kind !== "qa" && kind !== "mcq") continue;
      const question = await page.getByTestId("question").innerText();
      if (question.includes("aspirin") && !seen.has("citations")) {
        seen.add("citations");
        // Each citation a keyboard block: 1 supports and moves on; the fabricated reference is 4, not found.
        const blocks = page.locator('[data-nav="citation"]');
        await expect(blocks).toHaveCount(3);
        await expect(page.getByTestId("citation-checks").locator("a")).toHaveCount(0); // the model's addresses are text
        for (let i = 0; i < 3; i++) {
          const block = blocks.nth(i);
          await block.focus();
          await page.keyboard.press((await block.innerText()).includes("does not exist") ? "4" : "1");
        }
        await expect(blocks.filter({ hasText: "does not exist" }).getByRole("radio", { name: /Not found/ })).toBeChecked();
        for (const progress of await page.getByTestId("citations-progress").all()) await expect(progress).toHaveText(/^(\d)\/\1 checked$/);
        continue;
      }
      if (question.includes("body-mass index") && !seen.has("bmi")) {
        seen.add("bmi");
        await expect(page.getByTestId("numeric-key")).toHaveText("Accepted answer: 29.9 kg/m² (from 29.302 to 30.498)");
        const answers = page.getByTestId("numeric-answer");
        await expect(answers).toHaveCount(2);
        await expect(answers.filter({ hasText: "Answered 29.9 kg/m²" }).locator("[data-grade]")).toHaveAttribute("data-grade", "correct");
        await expect(answers.filter({ hasText: "Answered 0.0299 kg/cm²" }).locator("[data-grade]")).toHaveAttribute("data-grade", "incorrect");
        await expectAccessible(page, "review page with numeric answers");
      }
      if (question.includes("Select all that apply") && !seen.has("select-all")) {
        seen.add("select-all");
        await expect(page.getByTestId("select-all")).toBeVisible();
        await expect(page.locator("[data-testid=mcq-options] [data-correct]")).toHaveCount(3);
        await expect(page.getByTestId("mcq-choice").filter({ hasText: "Chose A, C, E" }).locator("[data-grade]")).toHaveAttribute("data-grade", "correct");
        await expect(page.getByTestId("mcq-choice").filter({ hasText: /Chose A, C(?!, E)/ }).locator("[data-grade]")).toHaveAttribute("data-grade", "incorrect");
      }
    }
    await context.close();
    if (seen.size === 7) break;
  }
  expect([...seen].sort()).toEqual(["bmi", "citations", "compare", "select-all", "stack", "summary", "voice"]);
});

test("the results page grades every keyed answer per model without reviews", async ({ page }) => {
  await loginAs(page, USERS.researcher);
  await page.goto("/projects/formats-showcase/results");
  const grades = page.getByTestId("auto-grades");
  // Each model got 2 of its 4 answers right (see the demo's items).
  for (const model of ["aurora-med-8b", "borealis-clinical-70b"]) {
    await expect(grades.locator(`tr[data-model="${model}"] [data-col="answers"]`)).toHaveText("4");
    await expect(grades.locator(`tr[data-model="${model}"] [data-col="correct"]`)).toHaveText(/^50 % \(\d+–\d+\)$/);
  }
});
