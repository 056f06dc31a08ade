import type { RubricTemplate } from "./types";

// Step-level review of reasoning traces (issue 8; DESIGN.md tool 4; RUBRICS.md §6): every step gets a
// verdict, error types from the project's taxonomy and a severity; every response whether its final
// answer is correct and whether the reasoning supports it, so "right answer, wrong reasoning" is
// counted rather than guessed. The step block is the tool's; the one rubric axis is an optional overall
// judgement with the Ayers et al. quality anchors (RUBRICS.md §8).
export const reasoningSteps: RubricTemplate = {
  key: "reasoning-steps",
  name: "Reasoning steps (verdict, error types, severity per step)",
  description:
    "The reviewer labels each step of a response's reasoning: correct, incorrect, unsupported, irrelevant or redundant; for steps that are not correct, error types (by default the DeepSeek-R1 analysis's six categories plus common clinical reasoning errors) and a severity. Per response: is the final answer correct, does the reasoning support it, and which step is the first erroneous one. Results: share of right-answer-wrong-reasoning per model, error-type frequencies, the position of the first error, and MedR-Bench's efficiency and factuality computed from the labels.",
  citation: {
    text: "Qiu P. et al. Quantifying the reasoning abilities of LLMs on real-world clinical cases (MedR-Bench). arXiv:2503.04691 (2025); Moëll B. et al. Medical Reasoning in LLMs: An In-Depth Analysis of DeepSeek R1. arXiv:2504.00016 (2025).",
    url: "https://arxiv.org/abs/2503.04691",
  },
  kinds: ["qa", "mcq", "ddx", "dialogue"],
  tools: ["steps"],
  axes: [
    {
      key: "overall_reasoning",
      label: "Overall quality of the reasoning",
      help: "Optional: your overall judgement of the reasoning, after labelling its steps.",
      type: "SCALE",
      appliesTo: "RESPONSE",
      required: false,
      options: [
        { value: "1", label: "Very poor" },
        { value: "2", label: "Poor" },
        { value: "3", label: "Acceptable" },
        { value: "4", label: "Good" },
        { value: "5", label: "Very good" },
      ],
      min: 1,
      max: 5,
      best: 5,
    },
  ],
};
