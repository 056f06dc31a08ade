import { itemImportSchema } from "@/lib/items/schema";

// MedAgentBench run logs → `trajectory` items (issue 13). MedAgentBench (Jiang et al., NEJM AI 2025;
// stanfordmlgroup/MedAgentBench) runs on AgentBench's harness, which writes one JSON object per task:
// `{"index": "task1_1", "output": {"status": "completed", "result": "…", "history": [{"role": "user" |
// "agent", "content": "…"}, …]}}`. The first user message is the task (the case). The agent answers
// in MedAgentBench's protocol: `GET <url>`, `POST <url>` followed by a JSON body, or
// `FINISH([...])`; the harness replies as the user ("Here is the response from GET request: …").
// We map those to tool calls, tool results and the final answer; anything else stays a message. Runs
// of several models (one file each) become one item per task with one response per model.
//
// Written from the published harness's format as we understand it; a line we cannot read is an
// error with its file and line, never a silent skip.

export type AgentRunFile = { model: string; file: string; text: string };
export type ConvertError = { file: string; line: number; message: string };

type HistoryEntry = { role: string; content: string };
type Action = Record<string, unknown>;

const GET_REPLY = /^Here is the response from GET request:\s*/;

function parseMaybeJson(text: string): unknown {
  const trimmed = text.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return text;
  try {
    return JSON.parse(trimmed);
  } catch {
    return text;
  }
}

/** One agent message in MedAgentBench's protocol as an action. */
export function agentAction(content: string): Action {
  const text = content.trim();
  const finish = /^FINISH\(([\s\S]*)\)\s*$/.exec(text);
  if (finish) return { type: "final_answer", content: finish[1].trim() || "(empty)" };
  const get = /^GET\s+(\S+)\s*$/.exec(text);
  if (get) return { type: "tool_call", tool: "GET", arguments: { url: get[1] } };
  const post = /^POST\s+(\S+)\s*\n([\s\S]*)$/.exec(text);
  if (post) return { type: "tool_call", tool: "POST", arguments: { url: post[1], body: parseMaybeJson(post[2]) } };
  return { type: "message", content: content.length ? content : "(empty)" };
}

/** The harness's reply to an action: a GET's result as JSON where it parses, other replies as text. */
export function harnessAction(content: string, afterToolCall: boolean): Action {
  if (GET_REPLY.test(content)) return { type: "tool_result", result: parseMaybeJson(content.replace(GET_REPLY, "")) };
  if (afterToolCall) return { type: "tool_result", content: content.length ? content : "(empty)" };
  return { type: "message", role: "user", content: content.length ? content : "(empty)" };
}

type Task = { externalId: string; caseText: string; responses: Array<{ modelName: string; content: string; actions: Action[]; metadata: Record<string, unknown> }> };

export function convertMedAgentBench(runs: AgentRunFile[]): { items: Record<string, unknown>[]; errors: ConvertError[] } {
  const tasks = new Map<string, Task>();
  const errors: ConvertError[] = [];
  for (const run of runs) {
    run.text.split(/\r?\n/).forEach((raw, i) => {
      const line = i + 1;
      if (!raw.trim()) return;
      const fail = (message: string) => void errors.push({ file: run.file, line, message });
      let record: { index?: unknown; output?: { status?: unknown; result?: unknown; history?: unknown } };
      try {
        record = JSON.parse(raw);
      } catch {
        return fail("not a JSON object.");
      }
      const id = typeof record.index === "string" || typeof record.index === "number" ? String(record.index) : null;
      const history = record.output?.history;
      if (!id) return fail('"index" (the task id) is missing.');
      if (!Array.isArray(history) || !history.every((h): h is HistoryEntry => typeof h === "object" && h !== null && typeof h.role === "string" && typeof h.content === "string"))
        return fail('"output.history" must be a list of {"role", "content"} messages.');
      const [first, ...rest] = history;
      if (!first || first.role !== "user") return fail("the history must start with the task, as the user's message.");
      const actions: Action[] = [];
      for (const h of rest) {
        if (h.role === "agent") actions.push(agentAction(h.content));
        else if (h.role === "user") actions.push(harnessAction(h.content, actions.at(-1)?.type === "tool_call"));
        else return fail(`unknown role "${h.role}" (expected user or agent).`);
      }
      if (!actions.length) return fail("the agent took no action.");
      const task = tasks.get(id) ?? tasks.set(id, { externalId: id, caseText: first.content, responses: [] }).get(id)!;
      if (task.responses.some((r) => r.modelName === run.model)) return fail(`task "${id}" appears twice for ${run.model}.`);
      const final = actions.findLast((a) => a.type === "final_answer");
      const status = typeof record.output?.status === "string" ? record.output.status : undefined;
      task.responses.push({ modelName: run.model, content: typeof final?.content === "string" ? final.content : "", actions, metadata: { source: "MedAgentBench", ...(status ? { status } : {}) } });
    });
  }
  const items: Record<string, unknown>[] = [];
  for (const task of tasks.values()) {
    const item = { kind: "trajectory", externalId: task.externalId, case: task.caseText, tools: [{ name: "GET", description: "Read from the FHIR server (a URL with search parameters)." }, { name: "POST", description: "Write a FHIR resource (a URL and a JSON body)." }], responses: task.responses };
    // The converted item must import: check it here, so the file names the task rather than the import a line.
    const parsed = itemImportSchema.safeParse(item);
    if (!parsed.success) errors.push({ file: "(converted)", line: 0, message: `task "${task.externalId}": ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}` });
    else items.push(item);
  }
  return { items, errors };
}
