import { describe, expect, it } from "vitest";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { getDb } from "@/lib/db/client";
import { exportRecordSchema } from "@/lib/export/record-schema";
import { runExport } from "@/lib/export/run-export";
import { importItems } from "@/lib/import/import-items";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadTrajectoryResults } from "./results";
import { jsonLines, collectText } from "@/test/support/streams";

// Issue 13, agent trajectories: import, the review payload, labels checked at save and submit,
// the export's record and CSV rows, and results per model.

const run = (model: string, extraTest: boolean) => ({
  modelName: model,
  content: "",
  actions: [
    { type: "message", role: "user", content: "I have chest pain." },
    { type: "thought", content: "Consider ACS first." },
    { type: "tool_call", tool: "order_test", arguments: { test: "ecg" } },
    { type: "tool_result", result: "{\"st_elevation\": false}" },
    { type: "test", test: "Troponin", costUsd: 25 },
    ...(extraTest ? [{ type: "test", test: "Whole-body MRI", costUsd: 1200 }] : []),
    { type: "message", role: "gatekeeper", content: "Troponin 0.01 ng/mL." },
    { type: "final_answer", content: "Non-cardiac chest pain; follow up." },
  ],
});

describe("trajectory items", () => {
  it("import, open with formatted JSON, refuse bad labels, submit complete labels, export them and sum them per model", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1, blinded: true });
    const imported = await importItems({
      actorId: admin.id,
      projectId: project.id,
      lines: jsonLines([{ kind: "trajectory", externalId: "t-1", case: "A 60-year-old with chest pain. Find the cause.", tools: [{ name: "order_test", description: "Orders a test." }], responses: [run("agent-a", false), run("agent-b", true)] }]),
    });
    expect(imported).toMatchObject({ ok: true, imported: 1, responses: 2 });
    await createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewer.id], perItem: 1, seed: 3 });
    const assignment = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id } });
    const payload = await loadAssignmentForReview(asActor(reviewer), assignment.id);
    expect(payload.tools).toContain("actions");
    expect(payload.item).toMatchObject({ kind: "trajectory", tools: [{ name: "order_test", description: "Orders a test." }] });
    const first = payload.responses[0];
    expect(first.actions?.map((a) => [a.type, a.role, a.judged])).toEqual(expect.arrayContaining([["message", "user", false], ["thought", "agent", true], ["tool_result", "environment", false], ["message", "gatekeeper", false]]));
    expect(first.actions?.find((a) => a.type === "tool_result")?.resultText).toBe('{\n  "st_elevation": false\n}');
    expect(first.actions?.find((a) => a.type === "tool_call")?.argumentsText).toBe('{\n  "test": "ecg"\n}');

    const [a, b] = assignment.responseOrder;
    const byId = new Map(payload.responses.map((r) => [r.id, r]));
    const judgedOf = (id: string) => byId.get(id)!.actions!.flatMap((x, i) => (x.judged ? [i] : []));
    const testsOf = (id: string) => byId.get(id)!.actions!.flatMap((x, i) => (x.type === "test" ? [i] : []));
    const save = (data: object, submit = false, base = 0) => saveAnnotation(asActor(reviewer), assignment.id, { baseVersion: base, clientMutationId: `m-${Math.random()}`, data: { responses: {}, item: { ratings: {}, comments: {} }, overallComment: "", ...data }, submit });

    // A label on a tool result, "necessary" on a thought, errors on a correct action: refused with the action named.
    const bad = await save({ actions: { [a]: { "3": { verdict: "correct", errorTypes: [] }, "1": { verdict: "correct", errorTypes: ["wrong_tool"], necessary: true } } } });
    expect(bad.status).toBe("invalid");
    expect(bad.status === "invalid" && bad.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(["Action 4 is not the agent's (a tool's result or another party's message): it is not judged.", "Action 2 is marked correct: it has no error types or severity.", 'Action 2 is not a test: "necessary" applies to tests ordered.']),
    );
    // Incomplete at submit: every agent action needs a verdict and every test a necessary mark.
    const partial = await save({ actions: { [a]: { "1": { verdict: "correct", errorTypes: [] } } } }, true);
    expect(partial.status === "invalid" && partial.problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/agent actions have no verdict/), expect.stringMatching(/1 test is not marked necessary or not/)]));

    const labels = (id: string) =>
      Object.fromEntries([
        ...judgedOf(id).map((i) => [String(i), { verdict: byId.get(id)!.actions![i].test === "Whole-body MRI" ? "irrelevant" : byId.get(id)!.actions![i].type === "thought" ? "incorrect" : "correct", errorTypes: byId.get(id)!.actions![i].type === "thought" ? ["premature_conclusion"] : [], ...(byId.get(id)!.actions![i].type === "thought" ? { severity: "minor" } : {}), ...(testsOf(id).includes(i) ? { necessary: byId.get(id)!.actions![i].test === "Troponin" } : {}) }]),
      ]);
    const ratings = await getDb().rubricAxis.findMany({ where: { rubric: { projectId: project.id }, appliesTo: "RESPONSE" }, orderBy: { position: "asc" } });
    const responses = Object.fromEntries([a, b].map((id) => [id, { ratings: Object.fromEntries(ratings.map((x) => [x.key, (x.options as Array<{ value: string }>)[0].value])), comments: {} }]));
    const done = await save({ responses, actions: { [a]: labels(a), [b]: labels(b) } }, true);
    expect(done).toMatchObject({ status: "saved" });

    const text = await collectText(runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id } }));
    const [record] = text.trim().split("\n").map((l) => JSON.parse(l));
    expect(exportRecordSchema.parse(record)).toEqual(record);
    const bRun = record.responses.find((r: { modelName: string }) => r.modelName === "agent-b").trajectory;
    expect(bRun).toMatchObject({ judged: 5, erroneous: 1, testsOrdered: 2, unnecessaryTests: 1, cost: 1225 });
    // The agent's own actions and its tests, numbered in the run (the user's message, the tool result and the gatekeeper's reply are context).
    expect(bRun.actions.map((x: { number: number; type: string }) => [x.number, x.type])).toEqual([[2, "thought"], [3, "tool_call"], [5, "test"], [6, "test"], [8, "final_answer"]]);
    expect(bRun.actions[0]).toMatchObject({ verdict: "incorrect", severity: "minor", errorTypes: ["premature_conclusion"] });
    const csv = await collectText(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id } }));
    expect(csv).toContain(",action,action:6:necessary,false,Whole-body MRI,");
    expect(csv).toContain(",action,unnecessary_tests,1/2,,");

    const results = await loadTrajectoryResults(asActor(admin), project.id);
    expect(results.map((r) => [r.model, r.runs, r.errorRate.count, r.errorRate.n, r.unnecessaryTests.count, r.unnecessaryTests.n, r.meanCost])).toEqual([
      ["agent-a", 1, 1, 4, 0, 1, 25],
      ["agent-b", 1, 1, 5, 1, 2, 1225],
    ]);
    expect(results[0].byType.find((x) => x.type === "thought")?.erroneous).toMatchObject({ count: 1, n: 1 });
  });

  it("refuses a trajectory response without actions and actions missing what their type needs", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id);
    const result = await importItems({
      actorId: admin.id,
      projectId: project.id,
      lines: jsonLines([
        { kind: "trajectory", externalId: "t-1", case: "C", responses: [{ modelName: "m", content: "x" }] },
        { kind: "trajectory", externalId: "t-2", case: "C", responses: [{ modelName: "m", actions: [{ type: "tool_call" }, { type: "test" }, { type: "final_answer" }, { type: "jump" }] }] },
      ]),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = (line: number) => result.errors.filter((e) => e.line === line).map((e) => `${e.field}: ${e.message}`);
    expect(at(1)).toEqual([expect.stringMatching(/^responses\.0\.actions: actions is required for a trajectory response/)]);
    expect(at(2)).toEqual(expect.arrayContaining([
      "responses.0.actions.0.tool: a tool_call action names the tool it calls.",
      "responses.0.actions.1.test: a test action names the test ordered.",
      "responses.0.actions.2.content: a final_answer action needs its content.",
      expect.stringMatching(/^responses\.0\.actions\.3\.type: /),
    ]));
  });
});
