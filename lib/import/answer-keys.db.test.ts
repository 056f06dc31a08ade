import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { importItems } from "./import-items";
import { jsonLines } from "@/test/support/streams";

// Issue 13, small formats: select-all-that-apply MCQ and numeric answers with a tolerance.

async function setup() {
  const admin = await seedUser({ role: "ADMIN" });
  const project = await seedProject(admin.id);
  return { admin, project, run: (rows: unknown[]) => importItems({ actorId: admin.id, projectId: project.id, lines: jsonLines(rows) }) };
}

describe("answer keys at import", () => {
  it("store several correct options, the chosen set, a numeric key with its range and a numeric answer", async () => {
    const { project, run } = await setup();
    expect(
      await run([
        { kind: "mcq", externalId: "m", question: "Which are loop diuretics?", options: ["Furosemide", "Spironolactone", "Bumetanide"], correctOptions: ["A", "C"], responses: [{ modelName: "x", choices: ["C", "A"], content: "" }] },
        { externalId: "n", question: "Creatinine clearance?", numeric: { value: 61.3, unit: "mL/min", lower: 58.2, upper: 64.4 }, responses: [{ modelName: "x", content: "About 60 mL/min.", numeric: { value: 60, unit: "mL/min" } }] },
      ]),
    ).toMatchObject({ ok: true, imported: 2 });
    const items = await getDb().item.findMany({ where: { projectId: project.id }, include: { responses: true }, orderBy: { externalId: "asc" } });
    expect(items[0].reference).toEqual({ correctOptions: ["A", "C"] });
    expect(items[0].responses[0].answer).toEqual({ choices: ["C", "A"] });
    expect(items[1].reference).toEqual({ numeric: { value: 61.3, unit: "mL/min", lower: 58.2, upper: 64.4 } });
    expect(items[1].responses[0].answer).toEqual({ numeric: { value: 60, unit: "mL/min" } });
  });

  it("refuse keys that contradict themselves, by line and field, importing nothing", async () => {
    const { project, run } = await setup();
    const mcq = (extra: object, response: object = { choices: ["A"] }) => ({ kind: "mcq", externalId: `m-${JSON.stringify(extra).length}-${JSON.stringify(response).length}`, question: "Q?", options: ["a", "b", "c"], ...extra, responses: [{ modelName: "x", content: "", ...response }] });
    const result = await run([
      mcq({ correctOption: "A", correctOptions: ["A", "B"] }),
      mcq({ correctOptions: ["A", "D", "E"] }),
      mcq({ correctOptions: ["A", "B"] }, {}),
      mcq({ correctOptions: ["A"] }, { choice: "A", choices: ["A"] }),
      { externalId: "n1", question: "Q?", numeric: { value: 10, lower: 11, upper: 12 }, responses: [{ modelName: "x", content: "10" }] },
      { externalId: "n2", question: "Q?", numeric: { value: 10, tolerance: 1, relativeTolerance: 0.1 }, responses: [{ modelName: "x", content: "10" }] },
      { kind: "ddx", externalId: "n3", case: "C", responses: [{ modelName: "x", differential: [{ diagnosis: "D" }], numeric: { value: 1 } }] },
      { externalId: "n4", question: "Q?", numeric: { value: "ten" }, responses: [{ modelName: "x", content: "10" }] },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = (line: number) => result.errors.filter((e) => e.line === line).map((e) => `${e.field}: ${e.message}`).join(" | ");
    expect(at(1)).toBe("correctOptions: give correctOption (one correct option) or correctOptions (several), not both.");
    expect(at(2)).toBe('correctOptions: "D", "E" are not one of the options (A, B, C).');
    expect(at(3)).toMatch(/^responses\.0\.choices: choices is required for a response to a select-all-that-apply question/);
    expect(at(4)).toBe("responses.0.choices: give choice (one option) or choices (several), not both.");
    expect(at(5)).toBe("numeric: the range 11–12 must contain the value 10.");
    expect(at(6)).toBe("numeric: give the accepted range one way: lower and upper, or tolerance, or relativeTolerance.");
    expect(at(7)).toBe("responses.0.numeric: numeric answers belong to qa items (a question with a numeric key), not ddx.");
    expect(at(8)).toMatch(/^numeric\.value: /);
    expect(await getDb().item.count({ where: { projectId: project.id } })).toBe(0);
  });
});
