import path from "node:path";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { assignToReviewer1, createProject, importFile, RUN } from "./fixtures/workspace";

// Project roles (issue 10, decision 022): a reviewer account made manager of one project runs it
// without being a site admin; an adjudicator reads it but cannot manage it; removing a member takes
// the project away from them at once. Membership is what the UI is for here, so it goes through it.
const SLUG = `roles-${RUN}`;
test.describe.configure({ mode: "serial" });

test("an admin gives a reviewer account the manager role and another the adjudicator role", async ({ page }) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `Roles study ${RUN}`, slug: SLUG, template: "med-palm-long-form", citation: /Singhal/ });
  await importFile(page, path.join(import.meta.dirname, "fixtures/items.jsonl"), "Imported 3 items with 6 responses.");
  const members = page.getByRole("region", { name: "Members" }).or(page.locator("section", { has: page.getByRole("heading", { name: "Members" }) }));
  for (const [email, role, label] of [[USERS.reviewer2, "MANAGER", "manager"], [USERS.reviewer3, "ADJUDICATOR", "adjudicator"]] as const) {
    await members.getByLabel("Member email").fill(email);
    await members.getByLabel("Member role").selectOption(role);
    await members.getByRole("button", { name: "Add member" }).click();
    await expect(members.getByText(`Added ${email}.`)).toBeVisible();
    await expect(members.getByTestId("members").getByRole("listitem").filter({ hasText: email })).toContainText(label);
  }
});

test("the manager runs the project: members, a batch, the item browser and progress, but not the site's users", async ({ page }) => {
  await loginAs(page, USERS.reviewer2);
  await page.goto("/queue");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  await page.getByRole("link", { name: `Roles study ${RUN}` }).click();
  await expect(page.getByTestId("project-name")).toHaveText(`Roles study ${RUN}`);
  await expect(page.getByTestId("members")).toContainText(USERS.reviewer3);
  await assignToReviewer1(page, "Managed batch", "Assigned 3 items as 3 assignments.");
  for (const sub of ["items", "progress"]) {
    const response = await page.goto(`/projects/${SLUG}/${sub}`);
    expect([sub, response?.status()]).toEqual([sub, 200]);
    await expect(page.getByTestId("forbidden")).toHaveCount(0);
  }
  await page.goto("/admin/users");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("the adjudicator reads the project but cannot manage it; once removed, the project is gone for them", async ({ browser }) => {
  const adjudicator = await browser.newPage();
  await loginAs(adjudicator, USERS.reviewer3);
  await adjudicator.goto(`/projects/${SLUG}`);
  await expect(adjudicator.getByTestId("project-name")).toHaveText(`Roles study ${RUN}`);
  await expect(adjudicator.getByRole("button", { name: "Create and assign batch" })).toHaveCount(0);
  await expect(adjudicator.getByTestId("members")).toHaveCount(0);
  for (const sub of ["items", "progress"]) {
    await adjudicator.goto(`/projects/${SLUG}/${sub}`);
    await expect(adjudicator.getByTestId("forbidden")).toBeVisible();
  }

  const manager = await browser.newPage();
  await loginAs(manager, USERS.reviewer2);
  await manager.goto(`/projects/${SLUG}`);
  await manager.getByRole("button", { name: "Remove Dr. Hiro Tanaka from the project" }).click();
  await expect(manager.getByText(`Removed ${USERS.reviewer3}.`)).toBeVisible();

  const response = await adjudicator.goto(`/projects/${SLUG}`);
  expect(response?.status()).toBe(404);
});
