import type { CreateProjectInput } from "@/lib/projects/schema";
import { criteriaShowcaseItems } from "./demo/criteria-showcase";
import { pairwiseShowcaseItems } from "./demo/pairwise-showcase";
import { reasoningShowcaseItems } from "./demo/reasoning-showcase";
import { stepsShowcaseItems } from "./demo/steps-showcase";
import { FICTIONAL, type ShowcaseItem } from "./demo/types";

// Three small showcase projects beside the consumer-health demo (items in prisma/demo/).


// ---------------------------------------------------------------------------------------------
// The projects
// ---------------------------------------------------------------------------------------------

export type ShowcaseProject = Pick<CreateProjectInput, "slug" | "name" | "template" | "guidelines" | "blinded" | "settings"> & { items: () => ShowcaseItem[] };

export const DEMO_SHOWCASES: readonly ShowcaseProject[] = [
  {
    slug: "reasoning-showcase",
    name: "Mixed item kinds: reasoning quality (demo)",
    template: "reasoning-quality",
    blinded: true,
    settings: { revealMcqAnswer: false },
    guidelines: `## How to rate reasoning
Each item shows a model's answer and, behind a toggle, the **reasoning** it wrote first. Rate the reasoning on the five 1–5 dimensions, then answer the two yes/no questions.

- *Final answer correct* is about the answer alone.
- *Reasoning supports the answer* is **no** when the answer is right for the wrong reasons.
- Items come in five kinds: multiple choice, differential diagnosis, images, clinical notes (with a model's error report) and conversations (rate the next AI turn).

${FICTIONAL} The images are synthetic drawings, not real radiographs or photographs.`,
    items: reasoningShowcaseItems,
  },
  {
    slug: "pairwise-showcase",
    name: "Pairwise comparison, Med-PaLM 2 axes (demo)",
    template: "med-palm-2-pairwise",
    blinded: true,
    settings: { pairwiseStrength: true },
    guidelines: `## How to compare
Read the question and **both** answers, then choose Response A, Response B or Tie on every axis and say how strong your preference is.

- On the first four axes you pick the **better** answer.
- On the last five (irrelevant content, omissions, bias, harm extent, harm likelihood) you pick the **worse** one.

${FICTIONAL}`,
    items: pairwiseShowcaseItems,
  },
  {
    slug: "criteria-showcase",
    name: "HealthBench-style case criteria (demo)",
    template: "healthbench-criteria",
    blinded: true,
    settings: {},
    guidelines: `## How to grade against criteria
Each conversation comes with criteria written for that case. For every response, mark each criterion **met** or **not met**.

- Criteria with negative points describe things a response should **not** do: mark them met when the response does it.
- Judge only what the response says, not what it might have meant.

${FICTIONAL}`,
    items: criteriaShowcaseItems,
  },
  {
    slug: "steps-showcase",
    name: "Reasoning steps and reference statements (demo)",
    template: "reasoning-steps",
    blinded: true,
    settings: {},
    guidelines: `## How to label reasoning steps
Each answer's reasoning is split into steps. For **every step** choose a verdict (keys 1–5): correct, incorrect, unsupported, irrelevant or redundant. For a step that is not correct, add its **severity** (7 minor, 8 major, 9 critical) and **error types** (E).

Then say whether the **final answer** is correct and whether the **reasoning supports** it: an answer can be right for the wrong reasons. Where the item lists reference statements, mark each covered, partly covered or not covered (1–3).

${FICTIONAL}`,
    items: stepsShowcaseItems,
  },
];
