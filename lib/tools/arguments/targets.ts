// The texts of an item a reviewer can annotate with argument spans, each under a stable target key.
// Zod-free and database-free: the server check, the review payload, the exports and the importers
// all name targets the same way. Responses are keyed by Response.id (never import order or screen
// position), so blinding and the randomized order are undone exactly in exports (decision 013).

/** `item.question` (qa, mcq, vqa), `item.text` (note), `item.case` (ddx), `reference.explanation`, `response.<id>.content|reasoning`. */
export type ArgumentTargetKey = string;

export type ArgumentTarget = {
  key: ArgumentTargetKey;
  /** The stored text the offsets count in (code points). */
  text: string;
  /** The Response.id, for response targets. */
  responseId?: string;
  field: "question" | "text" | "case" | "explanation" | "content" | "reasoning";
};

const ITEM_FIELD: Record<string, "question" | "text" | "case"> = { QA: "question", MCQ: "question", VQA: "question", NOTE: "text", DDX: "case" };

export const TARGET_KEY = /^(?:item\.(?:question|text|case)|reference\.explanation|response\.[^.\s]{1,64}\.(?:content|reasoning))$/;
export const TARGET_KEY_RULE = 'item.question, item.text, item.case, reference.explanation, or response.<response id>.content / .reasoning';

/** The item's own text target for its kind (`item.text` for a note), or null (dialogue). */
export function itemTargetKey(kind: string): ArgumentTargetKey | null {
  const field = ITEM_FIELD[kind.toUpperCase()];
  return field ? `item.${field}` : null;
}

function stringField(value: unknown, field: string): string | null {
  const v = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[field] : undefined;
  return typeof v === "string" && v.length > 0 ? v : null;
}

/**
 * Every annotatable text of an item and its responses (responses in the order given: the caller
 * passes the reviewer's screen order for the page, any order for checks). Empty texts are not targets.
 */
export function argumentTargetsOf(
  item: { kind: string; input: unknown; reference: unknown },
  responses: ReadonlyArray<{ id: string; content: string; reasoning: string | null }>,
): ArgumentTarget[] {
  const targets: ArgumentTarget[] = [];
  const field = ITEM_FIELD[item.kind.toUpperCase()];
  const own = field ? stringField(item.input, field) : null;
  if (field && own) targets.push({ key: `item.${field}`, text: own, field });
  const explanation = stringField(item.reference, "explanation");
  if (explanation) targets.push({ key: "reference.explanation", text: explanation, field: "explanation" });
  for (const r of responses) {
    if (r.content) targets.push({ key: `response.${r.id}.content`, text: r.content, responseId: r.id, field: "content" });
    if (r.reasoning) targets.push({ key: `response.${r.id}.reasoning`, text: r.reasoning, responseId: r.id, field: "reasoning" });
  }
  return targets;
}

/** The response id and field of a response target key, or null for item targets. */
export function parseResponseTarget(key: ArgumentTargetKey): { responseId: string; field: "content" | "reasoning" } | null {
  const m = /^response\.([^.\s]+)\.(content|reasoning)$/.exec(key);
  return m ? { responseId: m[1], field: m[2] as "content" | "reasoning" } : null;
}

/** "Question", "Clinical note", "Response A · answer" — how the history and the page name a target. */
export function describeTarget(key: ArgumentTargetKey, responseLabel?: (id: string) => string | undefined): string {
  const r = parseResponseTarget(key);
  if (r) return `${responseLabel?.(r.responseId) ?? "Response"} · ${r.field === "content" ? "answer" : "reasoning"}`;
  return { "item.question": "Question", "item.text": "Text", "item.case": "Case", "reference.explanation": "Reference explanation" }[key] ?? key;
}
