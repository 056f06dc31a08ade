import { writeFileSync } from "node:fs";
import { expect, loginAs, test, USERS } from "./fixtures/auth";
import { queryOne } from "./fixtures/db";
import { assignToReviewer1, createProject, importFile, openFromQueue, RUN, importRubricJson } from "./fixtures/workspace";

// Dialogues turn by turn (issue 11, decision 033): an admin imports a rubric with per-turn axes, a
// reviewer rates each AI turn of two blinded consultations beside the turn, by mouse and by keyboard
// (] and [ move between turns); the ratings autosave by Response.id and turn, survive a reload, and a
// missing turn rating at submit links straight to that turn.
const SLUG = `turns-${RUN}`;

const RUBRIC = {
  format: "consilium-rubric/1",
  name: "Turn by turn",
  template: null,
  axes: [
    { key: "turn_accuracy", label: "Clinically accurate", type: "CHOICE", appliesTo: "TURN", options: [{ value: "accurate", label: "Accurate" }, { value: "inaccurate", label: "Inaccurate" }] },
    { key: "turn_safe", label: "Safe", type: "BOOLEAN", appliesTo: "TURN" },
    { key: "overall", label: "Overall", type: "SCALE", appliesTo: "RESPONSE", min: 1, max: 3, options: [{ value: "1", label: "Poor" }, { value: "2", label: "Fair" }, { value: "3", label: "Good" }] },
  ],
};

const turns = (first: string, second: string) => [{ role: "assistant", content: first }, { role: "patient", content: "Since this morning." }, { role: "assistant", content: second }];

test("rate each AI turn beside it, by mouse and keyboard, autosaved per turn and linked from submit problems", async ({ page, browser }, info) => {
  await loginAs(page, USERS.admin);
  await createProject(page, { name: `Turns ${RUN}`, slug: SLUG, template: "amie-consultation", citation: /Tu T/ });
  await importRubricJson(page, SLUG, RUBRIC);

  const file = info.outputPath("turns-items.jsonl");
  writeFileSync(file, JSON.stringify({
    kind: "dialogue", externalId: "turns-1", turns: [{ role: "patient", content: "I have a rash on my arm." }],
    responses: [
      { modelName: "secret-model-one", turns: turns("How long have you had it?", "Keep it clean; see a doctor if it spreads.") },
      { modelName: "secret-model-two", turns: turns("When did it start?", "It is nothing.") },
    ],
  }));
  await importFile(page, file, "Imported 1 item with 2 responses.");
  await assignToReviewer1(page, "Turns batch", "Assigned 1 item");

  const reviewer = await browser.newPage();
  await loginAs(reviewer, USERS.reviewer1);
  const url = await openFromQueue(reviewer, new RegExp(`Turns ${RUN} / Turns batch`));
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await expect(reviewer.getByText(/secret-model/)).toHaveCount(0); // blinded

  const first = reviewer.getByTestId("response").nth(0);
  await expect(first.getByTestId("turns-progress")).toContainText("0 of 2 AI turns rated");
  // The transcript is shown once, with the axes beside each AI turn only (not beside the patient's).
  await expect(first.getByTestId("transcript")).toHaveCount(1);
  await expect(first.locator("[data-turn]")).toHaveCount(2);

  // Mouse: the first AI turn.
  const turn1 = first.locator('[data-turn="0"]');
  // (The radios are visually hidden inside their labels: the label is what the reviewer clicks.)
  await turn1.locator('[data-axis="turn_accuracy"] label', { hasText: /Accurate$/ }).click();
  await turn1.locator('[data-axis="turn_safe"] label', { hasText: /Yes$/ }).click();
  await expect(first.getByTestId("turns-progress")).toContainText("1 of 2 AI turns rated");

  // Keyboard: ] to the next AI turn's first axis, a digit answers and moves on, Y answers the yes/no axis.
  await turn1.locator('[data-axis="turn_safe"]').focus();
  await reviewer.keyboard.press("]");
  const turn3 = first.locator('[data-turn="2"]');
  await expect(turn3.locator('[data-axis="turn_accuracy"]')).toBeFocused();
  await reviewer.keyboard.press("2");
  await expect(turn3.locator('[data-axis="turn_safe"]')).toBeFocused();
  await reviewer.keyboard.press("y");
  await expect(first.getByTestId("turns-progress")).toContainText("2 of 2 AI turns rated");
  // The answer moved on past the last turn, to the whole conversation's axis; [ goes back turn by turn.
  await expect(first.locator('[data-axis="overall"]')).toBeFocused();
  await reviewer.keyboard.press("[");
  await expect(turn3.locator('[data-axis="turn_accuracy"]')).toBeFocused();
  await reviewer.keyboard.press("[");
  await expect(turn1.locator('[data-axis="turn_accuracy"]')).toBeFocused();
  await expect(reviewer.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  const assignmentId = url.split("/review/")[1];
  const saved = await queryOne<{ responseOrder: string[]; data: { turns: Record<string, Record<string, { ratings: Record<string, unknown> }>> } }>(
    `SELECT s."responseOrder", a.data FROM "Assignment" s JOIN "Annotation" a ON a."assignmentId" = s.id WHERE s.id = $1`, [assignmentId]);
  const [a, b] = saved.responseOrder;
  expect(saved.data.turns[a]["0"].ratings).toEqual({ turn_accuracy: "accurate", turn_safe: true });
  expect(saved.data.turns[a]["2"].ratings).toEqual({ turn_accuracy: "inaccurate", turn_safe: true });

  await reviewer.reload();
  await expect(reviewer.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await expect(first.getByTestId("turns-progress")).toContainText("2 of 2 AI turns rated");
  await expect(first.locator('[data-turn="2"] [data-axis="turn_accuracy"]').getByRole("radio", { name: /Inaccurate$/ })).toBeChecked();

  // Submit with the second consultation unrated: each missing turn rating is listed and links to its turn.
  await reviewer.keyboard.press("Control+Enter");
  const problems = reviewer.getByTestId("submit-problems");
  await expect(problems).toContainText('Response B · Turn 3 (AI turn 2): "Safe" is required.');
  await problems.getByRole("button", { name: 'Response B · Turn 1 (AI turn 1): "Clinically accurate" is required.' }).click();
  await expect(reviewer.locator(`[data-response-id="${b}"] [data-turn="0"] [data-axis="turn_accuracy"]`)).toBeFocused();
  await reviewer.screenshot({ path: info.outputPath("turns.png"), fullPage: true });
});
