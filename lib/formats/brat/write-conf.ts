import type { LabelSet } from "../argument-types";

// brat's project configuration for a label set (https://brat.nlplab.org/configuration.html):
// annotation.conf declares the span labels ([entities]) and relations with the labels each may
// connect ([relations], "Support<TAB>Arg1:Premise|Claim, Arg2:Claim|MajorClaim"); visual.conf
// carries the names and colours, which annotation.conf cannot hold. brat unions several lines of
// one relation type, so pairs that are not a full product are written as one line per group.

/** Groups a relation's allowed pairs into (from labels, to labels) products, in label-set order. */
function groupPairs(allowed: [string, string][], order: string[]): { from: string[]; to: string[] }[] {
  const rank = (label: string) => order.indexOf(label);
  const targets = new Map<string, Set<string>>();
  for (const [from, to] of allowed) targets.set(from, (targets.get(from) ?? new Set()).add(to));
  const groups = new Map<string, { from: string[]; to: string[] }>();
  for (const from of [...targets.keys()].sort((a, b) => rank(a) - rank(b))) {
    const to = [...(targets.get(from) ?? [])].sort((a, b) => rank(a) - rank(b));
    const key = to.join("|");
    const group = groups.get(key);
    if (group) group.from.push(from);
    else groups.set(key, { from: [from], to });
  }
  return [...groups.values()];
}

/** annotation.conf for a label set: every label an entity, every relation with its allowed pairs. */
export function writeBratConf(labelSet: LabelSet): string {
  const order = labelSet.labels.map((l) => l.key);
  const relationLines = labelSet.relations.flatMap((relation) =>
    groupPairs(relation.allowed, order).map((g) => `${relation.key}\tArg1:${g.from.join("|")}, Arg2:${g.to.join("|")}`),
  );
  return [
    "# brat annotation configuration written by Consilium: the project's span labels and relations.",
    "# Names and colours are in visual.conf.",
    "",
    "[entities]",
    "",
    ...order,
    "",
    "[relations]",
    "",
    ...relationLines,
    "",
    "[events]",
    "",
    "[attributes]",
    "",
  ].join("\n");
}

/** visual.conf for a label set: display names ([labels]) and colours ([drawing]). */
export function writeBratVisualConf(labelSet: LabelSet): string {
  // A name is a display term: brat separates terms with "|" and columns with tabs.
  const names = [...labelSet.labels, ...labelSet.relations].map((t) => {
    const name = t.name.replace(/[|\t\r\n]+/g, " ").trim();
    return name === t.key ? t.key : `${t.key} | ${name}`;
  });
  return [
    "# brat visual configuration written by Consilium: names and colours of the project's labels.",
    "",
    "[labels]",
    "",
    ...names,
    "",
    "[drawing]",
    "",
    ...labelSet.labels.map((l) => `${l.key}\tbgColor:${l.color}`),
    "",
  ].join("\n");
}
