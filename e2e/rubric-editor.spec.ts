import path from "node:path";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { assignToReviewer1, createProject, importFile, RUN } from "./fixtures/workspace";

// The rubric editor (issue 10): edit, reorder and add axes, preview them as reviewers see them,
// save in place while no batch uses the rubric, then as a new version; share it as JSON.
const SLUG = `rubric-${RUN}`;
test.describe.configure({ mode: "serial" });

test("an admin edits, reorders and adds axes, previews them as a reviewer sees them, and saves in place", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `Rubric study ${RUN}`, slug: SLUG, template: "med-palm-long-form", citation: /Singhal/ });
  await page.getByTestId("rubric-link").click();
  await expect(page.getByTestId("rubric-version-note")).toContainText("Version 1 is not used by any batch yet");

  await page.getByLabel("Axis 1 label").fill("Agrees with consensus");
  await page.getByRole("button", { name: "Add axis" }).click();
  const last = page.getByRole("listitem", { name: /New axis$/ });
  const n = Number((await last.getAttribute("aria-label"))!.match(/^Axis (\d+)/)![1]);
  await page.getByLabel(`Axis ${n} label`).fill("Would you send this to a patient?");
  await page.getByLabel(`Axis ${n} key`).fill("send_to_patient");
  await page.getByLabel(`Axis ${n} type`).selectOption("BOOLEAN");
  await page.getByLabel(`Axis ${n} best answer`).selectOption("true");
  await page.getByRole("button", { name: `Move axis ${n} up` }).click();
  await expect(page.getByLabel(`Axis ${n - 1} key`)).toHaveValue("send_to_patient");

  // A broken rule is named and blocks saving until fixed.
  await page.getByLabel(`Axis ${n - 1} key`).fill("Send To Patient");
  await expect(page.getByTestId("rubric-issues")).toContainText(`Axis ${n - 1} (key): A key is lower-case letters`);
  await expect(page.getByRole("button", { name: "Save rubric" })).toBeDisabled();
  await page.getByLabel(`Axis ${n - 1} key`).fill("send_to_patient");

  await page.getByRole("button", { name: "Preview as reviewers see it" }).click();
  const preview = page.getByTestId("rubric-preview");
  await expect(preview.getByRole("group", { name: /Agrees with consensus/ })).toBeVisible();
  const sendAxis = preview.getByRole("group", { name: /Would you send this to a patient\?/ });
  // The radios are visually hidden behind their labels (the review form's chips): click the label.
  await sendAxis.locator("label", { hasText: "Yes" }).click();
  await expect(sendAxis.getByRole("radio", { name: /Yes/ })).toBeChecked();
  await expect(sendAxis).toContainText("best");

  await page.getByRole("button", { name: "Save rubric" }).click();
  await expect(page.getByText("Saved version 1.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Axis 1 label")).toHaveValue("Agrees with consensus");
  await expect(page.getByLabel(`Axis ${n - 1} key`)).toHaveValue("send_to_patient");
});

test("once a batch uses the rubric, saving creates version 2; version 1 stays downloadable and a JSON file imports", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await page.goto(`/projects/${SLUG}`);
  await importFile(page, path.join(import.meta.dirname, "fixtures/items.jsonl"), "Imported 3 items with 6 responses.");
  await assignToReviewer1(page, "Round 1", "Assigned 3 items as 3 assignments.");

  await page.goto(`/projects/${SLUG}/rubric`);
  await expect(page.getByTestId("rubric-version-note")).toContainText("Version 1 is used by 3 assignments: saving creates version 2");
  await page.getByLabel("Axis 1 help text").fill("Compare with the 2026 ESC guidelines.");
  await page.getByRole("button", { name: "Save rubric" }).click();
  await expect(page.getByText("Saved as version 2: new batches use it; assignments already made keep their version.")).toBeVisible();
  await expect(page.getByTestId("rubric-versions")).toContainText("Version 1:");
  await expect(page.getByTestId("rubric-versions")).toContainText("3 assignment(s)");
  await page.getByTestId("rubric-changes").getByText("What version 2 changed from version 1 (1)").click();
  await expect(page.getByTestId("rubric-changes")).toContainText(/Agrees with consensus \([a-z_]+\): help text changed\./);

  const v1 = await page.request.get(`/api/v1/projects/${SLUG}/rubric?version=1`);
  expect(v1.headers()["x-rubric-version"]).toBe("1");
  const shared = await v1.json();
  expect(shared.axes[0]).toMatchObject({ label: "Agrees with consensus", help: expect.not.stringContaining("2026 ESC") });
  expect((await (await page.request.get(`/api/v1/projects/${SLUG}/rubric?version=2`)).json()).axes[0].help).toBe("Compare with the 2026 ESC guidelines.");

  await page.getByLabel("Import JSON…").setInputFiles({ name: "shared-rubric.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...shared, name: "Shared by another group", axes: shared.axes.slice(0, 2) })) });
  await expect(page.getByTestId("rubric-import-message")).toHaveText("Loaded 2 axes from shared-rubric.json. Check them, then save.");
  await page.getByRole("button", { name: "Save rubric" }).click();
  await expect(page.getByText("Saved version 2.")).toBeVisible();
  expect((await (await page.request.get(`/api/v1/projects/${SLUG}/rubric`)).json()).name).toBe("Shared by another group");
});
