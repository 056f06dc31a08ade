// Rules that span several fields of an imported item. They read the RAW line (not zod's output)
// and run whether or not the fields themselves were valid: zod stops an object's refinements as
// soon as one of its fields fails, which hid e.g. a bad correctOption behind a bad option list.
// Everything is read defensively; a field of the wrong type is reported by the schema, not here.

import { validateSteps } from "@/lib/tools/steps/segment";

export type CrossFieldIssue = { path: (string | number)[]; message: string };

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
// Missing or whitespace only; a value of the wrong type is the schema's to report.
const isBlank = (v: unknown) => v === undefined || (typeof v === "string" && v.trim().length === 0);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : undefined);

function responsesOf(raw: Raw): [Raw, number][] {
  return Array.isArray(raw.responses) ? raw.responses.flatMap((r, i): [Raw, number][] => (isObject(r) ? [[r, i]] : [])) : [];
}

/** Option keys as the schema would give them (A, B, … for a plain list), or null when unreadable. */
function optionKeys(options: unknown): string[] | null {
  if (Array.isArray(options)) {
    if (options.every((o) => typeof o === "string")) return options.map((_, i) => String.fromCharCode(65 + i));
    if (options.every((o) => isObject(o) && typeof o.key === "string")) return options.map((o) => (o as Raw).key as string).map((k) => k.trim());
    return null;
  }
  return isObject(options) ? Object.keys(options).map((k) => k.trim()) : null;
}

function checkMcq(raw: Raw, add: (path: CrossFieldIssue["path"], message: string) => void) {
  const keys = optionKeys(raw.options);
  const list = keys?.length ? keys.join(", ") : "";
  if (keys && new Set(keys).size !== keys.length) add(["options"], "option keys must be unique.");
  const correct = trimmed(raw.correctOption);
  if (keys && correct && !keys.includes(correct)) add(["correctOption"], `correctOption "${correct}" is not one of the options (${list}).`);
  const multiple = Array.isArray(raw.correctOptions);
  if (multiple && raw.correctOption !== undefined) add(["correctOptions"], "give correctOption (one correct option) or correctOptions (several), not both.");
  checkKeyList(raw.correctOptions, ["correctOptions"], keys, list, add);
  for (const [r, i] of responsesOf(raw)) {
    const choice = trimmed(r.choice);
    if (r.choice !== undefined && r.choices !== undefined) add(["responses", i, "choices"], "give choice (one option) or choices (several), not both.");
    else if (r.choice === undefined && r.choices === undefined)
      add(["responses", i, multiple ? "choices" : "choice"], multiple ? 'choices is required for a response to a select-all-that-apply question: the keys the model chose, such as ["A", "C"].' : "choice is required for an mcq response: the key of the option the model chose, such as B.");
    else if (keys && choice && !keys.includes(choice)) add(["responses", i, "choice"], `choice "${choice}" is not one of the options (${list}).`);
    checkKeyList(r.choices, ["responses", i, "choices"], keys, list, add);
  }
}

/** Every trajectory response is a run of actions, each with what its type needs. */
function checkTrajectory(responses: [Raw, number][], add: (path: CrossFieldIssue["path"], message: string) => void) {
  for (const [r, i] of responses) {
    if (r.actions === undefined) {
      add(["responses", i, "actions"], 'actions is required for a trajectory response: the agent\'s run, e.g. [{"type": "tool_call", "tool": "get_labs", "arguments": {…}}, …].');
      continue;
    }
    if (!Array.isArray(r.actions)) continue;
    r.actions.forEach((a, n) => {
      if (!isObject(a)) return;
      const at = ["responses", i, "actions", n];
      if ((a.type === "message" || a.type === "thought" || a.type === "final_answer") && isBlank(a.content)) add([...at, "content"], `a ${a.type} action needs its content.`);
      if (a.type === "tool_call" && isBlank(a.tool)) add([...at, "tool"], "a tool_call action names the tool it calls.");
      if (a.type === "test" && isBlank(a.test)) add([...at, "test"], "a test action names the test ordered.");
      if (a.type === "tool_result" && a.result === undefined && isBlank(a.content)) add([...at, "result"], "a tool_result action needs the result (JSON) or its content (text).");
    });
  }
}

/** A list of option keys: each one of the options, none twice. */
function checkKeyList(value: unknown, path: CrossFieldIssue["path"], keys: string[] | null, list: string, add: (path: CrossFieldIssue["path"], message: string) => void) {
  if (!Array.isArray(value)) return;
  const given = value.map(trimmed).filter((k): k is string => Boolean(k));
  if (new Set(given).size !== given.length) add(path, "an option key appears twice.");
  const unknown = keys ? given.filter((k) => !keys.includes(k)) : [];
  if (unknown.length) add(path, `${unknown.map((k) => `"${k}"`).join(", ")} ${unknown.length === 1 ? "is" : "are"} not one of the options (${list}).`);
}

/** A numeric key's range holds its value, and says its tolerance one way; numeric answers only where a number is asked. */
function checkNumeric(kind: string, raw: Raw, add: (path: CrossFieldIssue["path"], message: string) => void) {
  const key = raw.numeric;
  if (isObject(key) && typeof key.value === "number") {
    const { value, lower, upper } = key;
    const ways = [lower !== undefined || upper !== undefined, key.tolerance !== undefined, key.relativeTolerance !== undefined].filter(Boolean).length;
    if (ways > 1) add(["numeric"], "give the accepted range one way: lower and upper, or tolerance, or relativeTolerance.");
    if ((lower === undefined) !== (upper === undefined)) add(["numeric"], "lower and upper go together: the accepted range's two ends.");
    if (typeof lower === "number" && typeof upper === "number" && !(lower <= value && value <= upper)) add(["numeric"], `the range ${lower}–${upper} must contain the value ${value}.`);
  }
  for (const [r, i] of responsesOf(raw)) {
    if (r.numeric !== undefined && kind !== "qa") add(["responses", i, "numeric"], `numeric answers belong to qa items (a question with a numeric key), not ${kind}.`);
  }
}

/**
 * `steps` are ranges in Unicode code points of the response's reasoning, or of its content when it has
 * no reasoning (the text the step tool labels): in order, without overlap, each holding some text
 * (lib/tools/steps/segment.ts validateSteps, the same check an admin's edit gets).
 */
function checkSteps(raw: Raw, add: (path: CrossFieldIssue["path"], message: string) => void) {
  for (const [r, i] of responsesOf(raw)) {
    if (!Array.isArray(r.steps)) continue;
    const text = typeof r.reasoning === "string" && r.reasoning.trim() ? r.reasoning : typeof r.content === "string" ? r.content : "";
    const ranges = r.steps.filter((s): s is { start: number; end: number } => isObject(s) && typeof s.start === "number" && typeof s.end === "number");
    if (ranges.length !== r.steps.length) continue; // the field schema reports malformed entries
    for (const problem of validateSteps(text, ranges)) {
      add(problem.index === null ? ["responses", i, "steps"] : ["responses", i, "steps", problem.index], problem.message);
    }
  }
}

function checkCriteria(raw: Raw, add: (path: CrossFieldIssue["path"], message: string) => void) {
  if (!Array.isArray(raw.criteria)) return;
  raw.criteria.forEach((c, i) => {
    if (isObject(c) && c.text === undefined && c.criterion === undefined)
      add(["criteria", i, "text"], 'the criterion\'s text is required, as "criterion" (HealthBench\'s name) or "text".');
  });
}

/** A model's localizations: only on an item's images, each exactly one of box, polygon and point. */
function checkModelRegions(kind: string, raw: Raw, responses: [Raw, number][], add: (path: CrossFieldIssue["path"], message: string) => void) {
  const images = Array.isArray(raw.images) ? raw.images.length : 0;
  for (const [r, i] of responses) {
    if (!Array.isArray(r.regions)) continue;
    if (kind !== "vqa") {
      add(["responses", i, "regions"], `regions mark places on an item's images; a ${kind} item has none (use a vqa item).`);
      continue;
    }
    r.regions.forEach((m, n) => {
      if (!isObject(m)) return;
      const shapes = ["box", "polygon", "point"].filter((k) => m[k] !== undefined);
      if (shapes.length !== 1) add(["responses", i, "regions", n], shapes.length ? `give one of box, polygon and point, not ${shapes.join(" and ")}.` : 'a region needs a box [x, y, width, height], a polygon [[x, y], …] or a point [x, y].');
      if (typeof m.image === "number" && images && m.image >= images) add(["responses", i, "regions", n, "image"], `the item has ${images} image${images === 1 ? "" : "s"}; image ${m.image} does not exist (images count from 0).`);
    });
  }
}

/** Issues for rules across fields of one item of the given kind; [] when all hold. */
export function crossFieldIssues(kind: string, raw: Raw): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  const add = (path: CrossFieldIssue["path"], message: string) => void issues.push({ path, message });
  checkCriteria(raw, add);
  checkSteps(raw, add);
  checkNumeric(kind, raw, add);
  const responses = responsesOf(raw);
  checkModelRegions(kind, raw, responses, add);
  switch (kind) {
    case "qa":
    case "vqa":
      for (const [r, i] of responses) if (isBlank(r.content)) add(["responses", i, "content"], `content is required for a ${kind} response: the model's answer, as text.`);
      break;
    case "mcq":
      checkMcq(raw, add);
      break;
    case "dialogue":
      for (const [r, i] of responses)
        if (isBlank(r.content) && r.turns === undefined) add(["responses", i, "content"], "a dialogue response needs content (the AI's next turn) or turns (its side of the whole dialogue).");
      break;
    case "trajectory":
      checkTrajectory(responses, add);
      break;
    case "summary":
      for (const [r, i] of responses) if (isBlank(r.content)) add(["responses", i, "content"], "content is required for a summary response: the model's summary, as text.");
      break;
    case "ddx":
      for (const [r, i] of responses) if (r.differential === undefined) add(["responses", i, "differential"], 'differential is required for a ddx response: a ranked list [{"diagnosis": "…"}].');
      break;
  }
  return issues;
}
