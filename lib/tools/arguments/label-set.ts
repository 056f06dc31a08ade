import { DEFAULT_LABEL_SET, LABEL_PALETTE, type LabelSet, type SpanLabel } from "@/lib/formats/argument-types";

// The argument tool's settings as the rest of the app reads them (zod-free: the review page runs
// this). A project enables the tool in settings.arguments.enabled or through a template naming
// "arguments"; its label set is settings.arguments.labelSet, else AbstRCT's default.

/** Keys a label shortcut may not take: the page's (J, K, S, H, ?) and the annotator's own (R starts a relation). */
export const RESERVED_SHORTCUTS = ["j", "k", "s", "h", "r"] as const;

export type ArgumentSettings = { enabled: boolean; labelSet?: LabelSet };

export function argumentsEnabled(templateTools: readonly string[], settings: { arguments?: ArgumentSettings }): boolean {
  return templateTools.includes("arguments") || Boolean(settings.arguments?.enabled);
}

export function labelSetOf(settings: { arguments?: ArgumentSettings }): LabelSet {
  return settings.arguments?.labelSet ?? DEFAULT_LABEL_SET;
}

/** A shortcut for a label that has none or a taken one: its first free letter, else the first free letter or digit. */
function freeShortcut(label: Pick<SpanLabel, "key" | "name">, taken: Set<string>): string {
  const candidates = [...`${label.key}${label.name}`.toLowerCase()].filter((c) => /[a-z0-9]/.test(c));
  for (const c of [...candidates, ..."abcdefgilmnopqtuvwxyz0123456789"]) if (!taken.has(c)) return c;
  return "0";
}

/**
 * The project's label set extended by another one (a brat annotation.conf): labels and relations it
 * lacks are added, allowed pairs united. Never removes anything, so annotations valid before stay
 * valid. New labels keep their colour and get a shortcut that is free and not reserved.
 */
export function mergeLabelSets(base: LabelSet, extra: LabelSet): LabelSet {
  const labels = base.labels.map((l) => ({ ...l }));
  const taken = new Set<string>([...RESERVED_SHORTCUTS, ...labels.map((l) => l.shortcut)]);
  const known = new Set(labels.map((l) => l.key.toLowerCase()));
  for (const label of extra.labels) {
    if (known.has(label.key.toLowerCase())) continue;
    const shortcut = taken.has(label.shortcut) ? freeShortcut(label, taken) : label.shortcut;
    taken.add(shortcut);
    known.add(label.key.toLowerCase());
    labels.push({ ...label, color: label.color || LABEL_PALETTE[labels.length % LABEL_PALETTE.length], shortcut });
  }
  const relations = base.relations.map((r) => ({ ...r, allowed: [...r.allowed] }));
  for (const relation of extra.relations) {
    const same = relations.find((r) => r.key.toLowerCase() === relation.key.toLowerCase());
    if (!same) {
      relations.push({ ...relation, allowed: [...relation.allowed] });
      continue;
    }
    const pairs = new Set(same.allowed.map((p) => JSON.stringify(p)));
    for (const pair of relation.allowed) if (!pairs.has(JSON.stringify(pair))) same.allowed.push(pair);
  }
  return { labels, relations };
}

/** Whether two label sets are the same (key order inside objects ignored). */
export function sameLabelSet(a: LabelSet, b: LabelSet): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
