// What a reviewer says about one reasoning step (DESIGN.md tool 4, RUBRICS.md §6; decision 012).
// Zod-free on purpose: the step annotator runs in the browser, where zod's start-up probe for eval
// would violate the Content-Security-Policy. The editable taxonomy's zod schema is in ./schema.ts.

/** Is the step right and useful? Stored per step; "incorrect" and "unsupported" are errors. */
export const STEP_VERDICTS = ["correct", "incorrect", "unsupported", "irrelevant", "redundant"] as const;
export type StepVerdict = (typeof STEP_VERDICTS)[number];

export const STEP_VERDICT_LABELS: Record<StepVerdict, { label: string; help: string }> = {
  correct: { label: "Correct", help: "Medically right, and it follows from the case and the steps before it." },
  incorrect: { label: "Incorrect", help: "Says something wrong: a false fact, a misread finding or a faulty inference." },
  unsupported: { label: "Unsupported", help: "Might be true, but nothing in the case or the earlier steps justifies it." },
  irrelevant: { label: "Irrelevant", help: "Right or wrong, it does not bear on the question." },
  redundant: { label: "Redundant", help: "Repeats what earlier steps already established and adds nothing." },
};

/** Verdicts that make a step erroneous: the first such step is the response's first error. */
export const ERROR_VERDICTS: ReadonlySet<StepVerdict> = new Set(["incorrect", "unsupported"]);

export function isErroneousVerdict(verdict: StepVerdict | null | undefined): boolean {
  return verdict != null && ERROR_VERDICTS.has(verdict);
}

/** How much a wrong step matters; only steps that are not "correct" carry one. */
export const STEP_SEVERITIES = ["minor", "major", "critical"] as const;
export type StepSeverity = (typeof STEP_SEVERITIES)[number];

// Anchored on MedVAL's risk levels (Aali et al., arXiv 2507.03152; RUBRICS.md §3), one step at a time.
export const STEP_SEVERITY_LABELS: Record<StepSeverity, { label: string; help: string }> = {
  minor: { label: "Minor", help: "Would not change the answer or the patient's care." },
  major: { label: "Major", help: "Could mislead the reasoning or change a decision, without direct harm." },
  critical: { label: "Critical", help: "Could lead to a wrong or unsafe decision for the patient." },
};

/**
 * What the step does, as MedR-Bench types steps (Qiu et al., arXiv 2503.04691; its evaluator's
 * instructions, paraphrased). A separate, optional field beside the verdict (decision 012): kind
 * says what a step does, the verdict whether it is right and useful; a citation can be incorrect.
 */
export const STEP_KINDS = ["reasoning", "citation", "repetition", "redundancy"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_KIND_LABELS: Record<StepKind, { label: string; help: string }> = {
  reasoning: { label: "Reasoning", help: "Brings knowledge beyond the case or draws a new conclusion." },
  citation: { label: "Citation of case facts", help: "Restates or summarises facts from the case without new inference." },
  repetition: { label: "Repetition", help: "Repeats earlier reasoning without taking it further." },
  redundancy: { label: "Redundancy", help: "Does not help reach the answer." },
};

/**
 * The kind a step counts as in MedR-Bench's efficiency and factuality: its labelled kind, or, when
 * the project does not ask for kinds, one derived from the verdict — redundant → repetition,
 * irrelevant → redundancy, any other verdict → reasoning (a citation cannot be told from a verdict,
 * so unlabelled citations count as reasoning). Null when the step has neither.
 */
export function kindOfStep(step: { kind?: StepKind | null; verdict?: StepVerdict | null }): StepKind | null {
  if (step.kind) return step.kind;
  if (!step.verdict) return null;
  if (step.verdict === "redundant") return "repetition";
  if (step.verdict === "irrelevant") return "redundancy";
  return "reasoning";
}

/** One error type of a project's taxonomy; `key` is stored in annotations and never changes. */
export type ErrorType = { key: string; label: string; help: string; source: string };

const DEEPSEEK_R1 = 'Moëll, Sand Aronsson & Akbar, "Medical Reasoning in LLMs: An In-Depth Analysis of DeepSeek R1", arXiv 2504.00016 (2025)';
const CONSILIUM = "Consilium default (issue 8)";
const MEDVAL = "Aali et al., MedVAL, arXiv 2507.03152";

/**
 * The default taxonomy: the six categories of the DeepSeek-R1 analysis, then the further
 * types. "Failure to reconcile conflicting data" is the DeepSeek category "difficulty reconciling
 * conflicting data" under another name, so it is one type citing both (13 types, not 14).
 */
export const DEFAULT_ERROR_TYPES: readonly ErrorType[] = [
  { key: "anchoring_bias", label: "Anchoring bias", help: "Holds on to a first impression although later findings point elsewhere.", source: DEEPSEEK_R1 },
  {
    key: "conflicting_data_unreconciled",
    label: "Conflicting data not reconciled",
    help: "Findings that contradict each other are ignored or explained away instead of weighed.",
    source: `${DEEPSEEK_R1} ("difficulty reconciling conflicting data"); also named in issue 8 as "failure to reconcile conflicting data"`,
  },
  { key: "too_few_alternatives", label: "Too few alternative diagnoses", help: "The differential is too narrow: plausible alternatives are never considered.", source: DEEPSEEK_R1 },
  { key: "overthinking", label: "Overthinking", help: "Deliberates or revisits settled points until the reasoning drifts or contradicts itself.", source: DEEPSEEK_R1 },
  { key: "incomplete_knowledge", label: "Incomplete knowledge", help: "Lacks a piece of medical knowledge the case needs (an omission, not a false statement).", source: DEEPSEEK_R1 },
  {
    key: "skipped_intermediate_steps",
    label: "Jumps to definitive treatment",
    help: "Goes to definitive treatment past needed intermediate steps (confirmation, stabilisation, work-up).",
    source: DEEPSEEK_R1,
  },
  { key: "factual_error", label: "Factual error", help: "States general medical knowledge that is wrong (a drug, a mechanism, a threshold).", source: `${CONSILIUM}; cf. MedR-Bench factuality, arXiv 2503.04691` },
  { key: "misread_patient_data", label: "Misread patient data", help: "Gets a detail of this patient wrong: a value, a sign, a timing, a history item.", source: `${CONSILIUM}; cf. "detail misidentification", ${MEDVAL}` },
  {
    key: "premature_closure",
    label: "Premature closure",
    help: "Accepts a diagnosis as final before it is confirmed or the alternatives are ruled out.",
    source: "Graber, Franklin & Gordon, \"Diagnostic error in internal medicine\", Arch Intern Med 2005;165:1493–1499",
  },
  { key: "calculation_error", label: "Calculation error", help: "Computes a dose, score, rate or conversion wrongly.", source: CONSILIUM },
  { key: "guideline_deviation", label: "Guideline deviation", help: "Departs from current guideline recommendations without a stated reason.", source: CONSILIUM },
  { key: "hallucinated_finding", label: "Hallucinated finding", help: "Relies on a finding, test result or history item the case does not contain.", source: `${CONSILIUM}; cf. "fabricated claim", ${MEDVAL}` },
  { key: "unsafe_recommendation", label: "Unsafe recommendation", help: "Recommends something that could harm the patient.", source: `${CONSILIUM}; cf. "incorrect recommendation" and risk level 4, ${MEDVAL}` },
];

/**
 * Problems of replacing a project's taxonomy: a type that step labels already use cannot be removed
 * (its key would no longer mean anything in exports and results); its label and help may change.
 */
export function checkTaxonomyUpdate(next: readonly ErrorType[], usage: Readonly<Record<string, number>>): string[] {
  const kept = new Set(next.map((t) => t.key));
  return Object.entries(usage)
    .filter(([key, count]) => count > 0 && !kept.has(key))
    .map(([key, count]) => `The error type "${key}" is used on ${count} step${count === 1 ? "" : "s"} and cannot be removed; change its label or help instead.`);
}
