import { LABEL_PALETTE, type LabelSet, type RelationType, type SpanLabel } from "../argument-types";
import { checkLabelSet } from "../check-annotation";
import { splitLines, type FormatIssue } from "../format-issue";

// Reads brat's annotation.conf (https://brat.nlplab.org/configuration.html) into a label set:
// [entities] become span labels (a type hierarchy is flattened; "!"-marked abstract types are
// groupings, not labels), [relations] become relation types whose Arg1 × Arg2 types are the
// allowed pairs (<ENTITY> and <ANY> mean every label; several lines of one type are united, as
// brat does). Events and attributes cannot be represented and are issues. What is read but has no
// place in a label set (<OVERLAP> rules, <REL-TYPE> flags, entity arguments) is listed in notes.
// visual.conf, when given, supplies display names and #rrggbb colours; shortcuts are assigned.

export type ParsedBratConf = { labelSet: LabelSet; issues: FormatIssue[]; notes: FormatIssue[] };

type Line = { line: number; indent: string; terms: string[]; args: string[] };

const SECTION = /^\s*\[(\w+)\]\s*$/;
const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Lines of each section, with macros (<NAME>=value) expanded as brat does, comments and separators skipped. */
function readSections(content: string, tabOnly: (section: string) => boolean): Map<string, Line[]> {
  const sections = new Map<string, Line[]>();
  let section = "";
  let macros = new Map<string, string>();
  splitLines(content).forEach((raw, i) => {
    const heading = SECTION.exec(raw);
    if (heading) {
      section = heading[1].toLowerCase() === "spans" ? "entities" : heading[1].toLowerCase();
      macros = new Map();
      if (!sections.has(section)) sections.set(section, []);
      return;
    }
    if (raw.trim() === "" || /^\s*#/.test(raw) || /^\s*-+\s*$/.test(raw)) return;
    const macro = /^<([a-zA-Z_-]+)>=\s*(.*?)\s*$/.exec(raw);
    if (macro) return void macros.set(`<${macro[1]}>`, macro[2]);
    let text = raw;
    for (const [name, value] of macros) text = text.split(name).join(value);
    const match = (tabOnly(section) ? /^(\s*)([^\t]+)(?:\t(.*))?$/ : /^(\s*)(\S+)(?:\s+(.*))?$/).exec(text);
    if (!match) return;
    const [, indent, terms, args] = match;
    const entry = {
      line: i + 1,
      indent,
      terms: terms.split("|").map((t) => t.trim()).filter(Boolean),
      args: (args ?? "").split(",").map((a) => a.trim()).filter(Boolean),
    };
    sections.set(section, [...(sections.get(section) ?? []), entry]);
  });
  return sections;
}

function assignShortcut(key: string, taken: Set<string>): string {
  const candidates = [...key.toLowerCase(), ..."abcdefghijklmnopqrstuvwxyz0123456789"].filter((c) => /^[a-z0-9]$/.test(c));
  const shortcut = candidates.find((c) => !taken.has(c)) ?? "";
  taken.add(shortcut);
  return shortcut;
}

/** Parses annotation.conf (and optionally visual.conf) into a label set; `file` names annotation.conf in issues. */
export function parseBratConf(annotationConf: string, opts: { file?: string; visualConf?: string; visualFile?: string } = {}): ParsedBratConf {
  const issues: FormatIssue[] = [];
  const notes: FormatIssue[] = [];
  const at = (line: number, message: string) => ({ file: opts.file, line, message });
  const sections = readSections(annotationConf, () => false);

  const keys: string[] = [];
  for (const entry of sections.get("entities") ?? []) {
    const [term] = entry.terms;
    if (term.startsWith("!")) continue; // an abstract grouping type, not a label
    if (!KEY.test(term)) issues.push(at(entry.line, `The entity type "${term}" cannot be a label: a label has letters, digits, _ and -, and starts with a letter.`));
    else if (keys.includes(term)) issues.push(at(entry.line, `The entity type "${term}" is listed twice.`));
    else keys.push(term);
    if (entry.indent) notes.push(at(entry.line, `"${term}" sits under another type in brat's hierarchy; Consilium's labels are flat, so it is a label of its own.`));
    if (entry.args.length) notes.push(at(entry.line, `The arguments of "${term}" (${entry.args.join(", ")}) are not used.`));
  }

  const relations = new Map<string, Set<string>>();
  for (const entry of sections.get("relations") ?? []) {
    const [term] = entry.terms;
    if (term === "<OVERLAP>") {
      notes.push(at(entry.line, "The <OVERLAP> rule is not used: Consilium allows overlapping and nested spans of any labels."));
      continue;
    }
    if (!KEY.test(term)) {
      issues.push(at(entry.line, `The relation type "${term}" cannot be used: a type has letters, digits, _ and -, and starts with a letter.`));
      continue;
    }
    const roles = new Map<string, string[]>();
    for (const arg of entry.args) {
      const [role, types = ""] = arg.split(":");
      if (role === "<REL-TYPE>") notes.push(at(entry.line, `The flag <REL-TYPE>:${types} of "${term}" is not used.`));
      else roles.set(role, types.split("|").flatMap((t) => (t === "<ENTITY>" || t === "<ANY>" ? keys : [t])));
    }
    const from = roles.get("Arg1");
    const to = roles.get("Arg2");
    const others = [...roles.keys()].filter((r) => r !== "Arg1" && r !== "Arg2");
    if (!from || !to || others.length) {
      issues.push(at(entry.line, `The relation "${term}" must name exactly Arg1 and Arg2, e.g. "${term}\tArg1:Premise, Arg2:Claim".`));
      continue;
    }
    const unknown = [...from, ...to].filter((t) => !keys.includes(t));
    if (unknown.length) {
      issues.push(at(entry.line, `The relation "${term}" names ${[...new Set(unknown)].map((t) => `"${t}"`).join(", ")}, which [entities] does not list.`));
      continue;
    }
    const pairs = relations.get(term) ?? new Set<string>();
    for (const f of from) for (const t of to) pairs.add(JSON.stringify([f, t]));
    relations.set(term, pairs);
  }

  for (const section of ["events", "attributes"]) {
    for (const entry of sections.get(section) ?? []) {
      issues.push(at(entry.line, `"${entry.terms[0]}" is defined under [${section}], which Consilium cannot represent (only span labels and relations).`));
    }
  }

  const { names, colors } = readVisual(opts.visualConf ?? "", opts.visualFile, notes);
  const taken = new Set<string>();
  const labels: SpanLabel[] = keys.map((key, k) => ({
    key,
    name: names.get(key) ?? key,
    color: colors.get(key) ?? LABEL_PALETTE[k % LABEL_PALETTE.length],
    shortcut: assignShortcut(key, taken),
  }));
  const relationTypes: RelationType[] = [...relations].map(([key, pairs]) => ({
    key,
    name: names.get(key) ?? key,
    // In label order, whatever the order of the configuration's lines and alternatives.
    allowed: [...pairs].map((p) => JSON.parse(p) as [string, string]).sort((a, b) => keys.indexOf(a[0]) - keys.indexOf(b[0]) || keys.indexOf(a[1]) - keys.indexOf(b[1])),
  }));
  const labelSet = { labels, relations: relationTypes };
  for (const problem of checkLabelSet(labelSet)) issues.push({ file: opts.file, message: problem.message });
  return { labelSet, issues, notes };
}

/** Display names from visual.conf's [labels] ("Type | Full name | Abbr") and #rrggbb bgColor from [drawing]. */
function readVisual(content: string, file: string | undefined, notes: FormatIssue[]) {
  const sections = readSections(content, (section) => section === "labels");
  const names = new Map<string, string>();
  const colors = new Map<string, string>();
  for (const entry of sections.get("labels") ?? []) if (entry.terms.length > 1) names.set(entry.terms[0], entry.terms[1].slice(0, 60));
  for (const entry of sections.get("drawing") ?? []) {
    const color = entry.args.map((a) => /^bgColor:(.*)$/.exec(a)?.[1]).find(Boolean);
    if (color && /^#[0-9a-fA-F]{6}$/.test(color)) colors.set(entry.terms[0], color.toLowerCase());
    else if (color) notes.push({ file, line: entry.line, message: `The colour "${color}" of "${entry.terms[0]}" is not written #rrggbb; a default colour is used.` });
  }
  return { names, colors };
}
