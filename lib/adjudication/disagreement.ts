// When reviewers of one item disagree (issue 10, "Adjudication"): per axis and target, from their
// submitted answers. Pure, so the rules are unit-tested; the project sets the scale range.

export type RuleAxis = { key: string; label: string; type: "SCALE" | "CHOICE" | "BOOLEAN" | "TEXT"; appliesTo: "RESPONSE" | "ITEM" | "PAIR" | "RANKING" | "BEST_WORST" | "TURN" };

/** One reviewer's answers: ratings per response id, item ratings, pairwise choices (response id or "tie"), criteria marks per response. */
export type ReviewerAnswers = {
  responses: Record<string, Record<string, unknown>>;
  item: Record<string, unknown>;
  pair: Record<string, unknown>;
  criteria: Record<string, Record<string, boolean | null>>;
  /** Step verdicts per response: the segmentation version they were made on, verdict per step index. */
  steps?: Record<string, { version: number; verdicts: Record<string, string> }>;
  /** Argument structure per annotated text: spans as "start:end:label" and relations as "from>to:label" (by span position), sorted. */
  arguments?: Record<string, { spans: string[]; relations: string[] }>;
  /** Every pair compared: "<id>~<id>" (import order) → axis → the chosen response id or "tie" (decision 035). */
  pairs?: Record<string, Record<string, unknown>>;
  /** Per-turn ratings (decision 033): response id → turn position → axis → value. */
  turns?: Record<string, Record<string, Record<string, unknown>>>;
};

/** Which of the tools' answers the rules compare (project settings, adjudication). */
export type ToolRules = { steps: boolean; arguments: boolean };

export type Disagreement = {
  /**
   * "response" (with responseId), "item", "pair", "criterion" (with responseId; axis = criterion id),
   * "step" (with responseId; axis = "<segmentation version>:<step index>"), "argument" (axis = the text's target key)
   * or "turn" (with responseId; axis = "<turn position>:<axis key>"). A pair other than the item's first two
   * responses carries its key ("<id>~<id>", import order) in responseId.
   */
  target: "response" | "item" | "pair" | "criterion" | "step" | "argument" | "turn";
  responseId?: string;
  axis: string;
  /** The answers, one per reviewer in the order given (undefined: not answered). */
  values: unknown[];
  /** Scale axes: max − min of the numeric answers. */
  range?: number;
};

const key = (v: unknown) => JSON.stringify(Array.isArray(v) ? [...v].map(String).sort() : v);

/**
 * Whether the answers disagree: a scale when the spread of its numeric answers reaches `scaleRange`
 * (an "N/A" against a number also counts); any other axis when two given answers differ. Unanswered
 * values are ignored; free text never disagrees (it is read, not compared).
 */
export function disagrees(type: RuleAxis["type"] | "PAIR" | "CRITERION", values: unknown[], scaleRange: number): { yes: boolean; range?: number } {
  const given = values.filter((v) => v !== undefined && v !== null && v !== "");
  if (given.length < 2 || type === "TEXT") return { yes: false };
  if (type === "SCALE") {
    const numbers = given.filter((v) => v !== "na").map(Number).filter(Number.isFinite);
    const range = numbers.length ? Math.max(...numbers) - Math.min(...numbers) : 0;
    const mixedNa = given.some((v) => v === "na") && numbers.length > 0;
    return { yes: range >= scaleRange || mixedNa, range };
  }
  return { yes: new Set(given.map(key)).size > 1 };
}

/** Every disagreement among the reviewers' answers to one item. */
export function itemDisagreements(axes: readonly RuleAxis[], responseIds: readonly string[], answers: readonly ReviewerAnswers[], scaleRange: number, tools: ToolRules = { steps: true, arguments: true }): Disagreement[] {
  const out: Disagreement[] = [];
  const push = (d: Omit<Disagreement, "range">, type: Parameters<typeof disagrees>[0]) => {
    const r = disagrees(type, d.values, scaleRange);
    if (r.yes) out.push({ ...d, ...(type === "SCALE" ? { range: r.range } : {}) });
  };
  // Pairs by their responses when the answers name them (decision 035): reviewers who compared other pairs are not compared.
  const firstPair = responseIds.length >= 2 ? `${responseIds[0]}~${responseIds[1]}` : "";
  const pairKeys = [...new Set(answers.flatMap((a) => Object.keys(a.pairs ?? {})))].sort((x, y) => Number(y === firstPair) - Number(x === firstPair));
  for (const axis of axes) {
    if (axis.appliesTo === "RESPONSE") for (const responseId of responseIds) push({ target: "response", responseId, axis: axis.key, values: answers.map((a) => a.responses[responseId]?.[axis.key]) }, axis.type);
    else if (axis.appliesTo === "ITEM") push({ target: "item", axis: axis.key, values: answers.map((a) => a.item[axis.key]) }, axis.type);
    else if (axis.appliesTo === "PAIR") {
      if (!answers.some((a) => a.pairs && Object.keys(a.pairs).length)) push({ target: "pair", axis: axis.key, values: answers.map((a) => a.pair[axis.key]) }, "PAIR");
      for (const key of pairKeys) push({ target: "pair", ...(key === firstPair ? {} : { responseId: key }), axis: axis.key, values: answers.map((a) => a.pairs?.[key]?.[axis.key]) }, "PAIR");
    } else if (axis.appliesTo === "TURN") {
      for (const responseId of responseIds) {
        const positions = [...new Set(answers.flatMap((a) => Object.keys(a.turns?.[responseId] ?? {})))].sort((x, y) => Number(x) - Number(y));
        for (const position of positions) push({ target: "turn", responseId, axis: `${position}:${axis.key}`, values: answers.map((a) => a.turns?.[responseId]?.[position]?.[axis.key]) }, axis.type);
      }
    }
    // Ranking and best–worst axes are not adjudicated here (decision 029): their disagreements show in agreement.
  }
  for (const responseId of responseIds) {
    const criterionIds = new Set(answers.flatMap((a) => Object.keys(a.criteria[responseId] ?? {})));
    for (const criterionId of criterionIds) push({ target: "criterion", responseId, axis: criterionId, values: answers.map((a) => a.criteria[responseId]?.[criterionId]) }, "CRITERION");
  }
  if (tools.steps) {
    // Verdicts compare only between reviewers who labelled the same (newest) segmentation of a response.
    for (const responseId of responseIds) {
      const blocks = answers.map((a) => a.steps?.[responseId]);
      const version = Math.max(0, ...blocks.map((b) => b?.version ?? 0));
      if (!version) continue;
      const indices = new Set(blocks.flatMap((b) => (b?.version === version ? Object.keys(b.verdicts) : [])));
      for (const index of [...indices].sort((x, y) => Number(x) - Number(y))) {
        push({ target: "step", responseId, axis: `${version}:${index}`, values: blocks.map((b) => (b?.version === version ? b.verdicts[index] : undefined)) }, "CHOICE");
      }
    }
  }
  if (tools.arguments) {
    // A text's argument structure disagrees when the span sets (exact offsets and labels) or the relations differ.
    // A reviewer who annotated arguments somewhere but not in this text marked nothing in it.
    const targets = new Set(answers.flatMap((a) => Object.keys(a.arguments ?? {})));
    for (const target of [...targets].sort()) {
      push({ target: "argument", axis: target, values: answers.map((a) => (a.arguments ? structureKey(a.arguments[target]) : undefined)) }, "CHOICE");
    }
  }
  return out;
}

const structureKey = (block: { spans: string[]; relations: string[] } | undefined) => (block ? `${block.spans.join(" ")}|${block.relations.join(" ")}` : "|");

/**
 * A merged starting point for the consensus: per axis, the most frequent answer (ties: the first
 * reviewer's among them); for scales, the median (rounded down to an answer given). Unanswered stays out.
 */
export function mergeAnswers(values: unknown[], type: RuleAxis["type"]): unknown {
  const given = values.filter((v) => v !== undefined && v !== null && v !== "");
  if (!given.length) return undefined;
  if (type === "SCALE") {
    const numbers = given.filter((v) => v !== "na").map((v) => ({ v, n: Number(v) })).filter((x) => Number.isFinite(x.n)).sort((a, b) => a.n - b.n);
    if (numbers.length) return numbers[Math.floor((numbers.length - 1) / 2)].v;
  }
  const counts = new Map<string, { v: unknown; n: number }>();
  for (const v of given) {
    const k = key(v);
    counts.set(k, { v, n: (counts.get(k)?.n ?? 0) + 1 });
  }
  return [...counts.values()].reduce((best, c) => (c.n > best.n ? c : best)).v;
}
