import { parseItemInput } from "./schema";

const MAX = 120;

/** Plain text for a list: markdown marks and whitespace runs removed, cut at a word near MAX characters. */
function plain(text: string): string {
  const flat = text.replace(/[`*_#>|~]+/g, "").replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\s+/g, " ").trim();
  if (flat.length <= MAX) return flat;
  const cut = flat.slice(0, MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX - 20))}…`;
}

/**
 * A one-line reminder of an item for the reviewer's queue: the question, the case, the opening of a
 * note, or the last patient turn of a dialogue. Item content only (never model output or names), so
 * it is as safe under blinding as the item itself. Rendered as text, never as HTML.
 */
export function itemSnippet(kind: string, input: unknown): string {
  let item;
  try {
    item = parseItemInput(kind, input);
  } catch {
    return "";
  }
  switch (item.kind) {
    case "qa":
    case "mcq":
    case "vqa":
    case "record":
      return plain(item.question);
    case "trajectory":
      return plain(item.case);
    case "summary":
      return plain(item.instruction ?? item.source);
    case "ddx":
      return plain(item.case);
    case "note":
      return plain(item.text);
    case "dialogue": {
      const last = [...item.turns].reverse().find((t) => t.role === "patient" || t.role === "user") ?? item.turns[0];
      return last ? plain(last.content) : "";
    }
  }
}
