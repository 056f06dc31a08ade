// The argument annotation of one text, shared by every format reader and writer, the review page
// and exports. Plain types and constants only: the review page imports this in the browser, where
// zod must not run (its eval probe breaks the CSP); the zod schemas are in argument-model.ts.
// Offsets are Unicode code points of the stored text, start inclusive, end exclusive (offsets.ts).

/** A labelled stretch of the text: an argument component such as a Claim or a Premise. */
export type ArgumentSpan = {
  id: string;
  label: string;
  /** Code-point offset of the first character. */
  start: number;
  /** Code-point offset just past the last character. */
  end: number;
  /** The text at [start, end), kept so that a moved or edited text is detected rather than mislabelled. */
  text: string;
};

/** A directed relation between two spans: `from` supports or attacks `to` (brat's Arg1 → Arg2). */
export type ArgumentRelation = {
  id: string;
  label: string;
  from: string;
  to: string;
};

export type ArgumentAnnotation = {
  spans: ArgumentSpan[];
  relations: ArgumentRelation[];
};

export type SpanLabel = {
  /** Stored in annotations and files (brat type): letters, digits, `_` and `-`, starting with a letter. */
  key: string;
  name: string;
  /** `#rrggbb`. */
  color: string;
  /** One lower-case letter or digit. */
  shortcut: string;
};

export type RelationType = {
  key: string;
  name: string;
  /** [from label, to label] pairs this relation may connect. */
  allowed: [string, string][];
};

export type LabelSet = {
  labels: SpanLabel[];
  relations: RelationType[];
};

/** A document as the format readers and writers see it: the stored text and its annotation. */
export type ArgumentDocument = {
  /** The item's external id; brat and CoNLL files are named by it. */
  externalId: string;
  text: string;
  annotation: ArgumentAnnotation;
};

// In label order, as parseBratConf returns pairs.
const ARGUING = ["Claim", "Premise"];
const TARGETS = ["MajorClaim", "Claim", "Premise"];

function pairs(from: string[], to: string[]): [string, string][] {
  return from.flatMap((f) => to.map((t): [string, string] => [f, t]));
}

/**
 * The default label set, as AbstRCT (Mayer, Cabrio & Villata 2020) annotates argument components:
 * premises and claims support or attack claims, premises and the major claim (its annotation.conf).
 * AbstRCT's third relation, Partial-Attack, is not in the default; a project adds it when needed.
 */
export const DEFAULT_LABEL_SET: LabelSet = {
  labels: [
    { key: "MajorClaim", name: "Major claim", color: "#7c3aed", shortcut: "m" },
    { key: "Claim", name: "Claim", color: "#2563eb", shortcut: "c" },
    { key: "Premise", name: "Premise", color: "#059669", shortcut: "p" },
  ],
  relations: [
    { key: "Support", name: "Support", allowed: pairs(ARGUING, TARGETS) },
    { key: "Attack", name: "Attack", allowed: pairs(ARGUING, TARGETS) },
  ],
};

/** Colours given to labels that arrive without one (e.g. from a brat annotation.conf), in order. */
export const LABEL_PALETTE = ["#7c3aed", "#2563eb", "#059669", "#d97706", "#db2777", "#0891b2", "#65a30d", "#dc2626", "#4f46e5", "#0d9488"];
