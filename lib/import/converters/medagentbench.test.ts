import { describe, expect, it } from "vitest";
import { itemImportSchema } from "@/lib/items/schema";
import { agentAction, convertMedAgentBench, harnessAction } from "./medagentbench";

const line = (index: string, history: Array<[string, string]>, status = "completed") => JSON.stringify({ index, output: { status, history: history.map(([role, content]) => ({ role, content })) } });

describe("convertMedAgentBench", () => {
  it("reads the protocol: GET and POST as tool calls, the harness's replies as results, FINISH as the final answer", () => {
    expect(agentAction("GET http://localhost:8080/fhir/Observation?patient=S1&code=GLU")).toEqual({ type: "tool_call", tool: "GET", arguments: { url: "http://localhost:8080/fhir/Observation?patient=S1&code=GLU" } });
    expect(agentAction('POST http://localhost:8080/fhir/MedicationRequest\n{"resourceType": "MedicationRequest", "status": "active"}')).toEqual({ type: "tool_call", tool: "POST", arguments: { url: "http://localhost:8080/fhir/MedicationRequest", body: { resourceType: "MedicationRequest", status: "active" } } });
    expect(agentAction('FINISH(["S6534835"])')).toEqual({ type: "final_answer", content: '["S6534835"]' });
    expect(agentAction("I need the patient's MRN first.")).toEqual({ type: "message", content: "I need the patient's MRN first." });
    expect(harnessAction('Here is the response from GET request:\n{"total": 1}', true)).toEqual({ type: "tool_result", result: { total: 1 } });
    expect(harnessAction("POST request accepted and executed successfully.", true)).toEqual({ type: "tool_result", content: "POST request accepted and executed successfully." });
    expect(harnessAction("Please answer in the format.", false)).toEqual({ type: "message", role: "user", content: "Please answer in the format." });
  });

  it("merges the runs of several models into one importable item per task, and names bad lines", () => {
    const task = "What is the MRN of the patient with name Peter Stafford and DOB of 1932-12-29?";
    const a = [line("task1_1", [["user", task], ["agent", "GET http://localhost:8080/fhir/Patient?name=Peter"], ["user", 'Here is the response from GET request:\n{"entry": []}'], ["agent", 'FINISH(["S6534835"])']])].join("\n");
    const b = [line("task1_1", [["user", task], ["agent", 'FINISH(["Patient not found"])']], "completed"), "not json", line("task1_2", [["agent", "GET x"]])].join("\n");
    const { items, errors } = convertMedAgentBench([{ model: "gpt-4o", file: "a.jsonl", text: a }, { model: "claude", file: "b.jsonl", text: b }]);
    expect(errors).toEqual([{ file: "b.jsonl", line: 2, message: "not a JSON object." }, { file: "b.jsonl", line: 3, message: "the history must start with the task, as the user's message." }]);
    expect(items).toHaveLength(1);
    const item = itemImportSchema.parse(items[0]);
    expect(item).toMatchObject({ kind: "trajectory", externalId: "task1_1", case: task });
    expect(item.responses.map((r) => [r.modelName, r.content, r.actions?.map((x) => x.type)])).toEqual([
      ["gpt-4o", '["S6534835"]', ["tool_call", "tool_result", "final_answer"]],
      ["claude", '["Patient not found"]', ["final_answer"]],
    ]);
    expect(item.responses[0].metadata).toEqual({ source: "MedAgentBench", status: "completed" });
  });
});
