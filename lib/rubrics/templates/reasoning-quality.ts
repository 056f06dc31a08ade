import type { AxisOption, AxisTemplate, RubricTemplate } from "./types";

// The five dimensions follow the definitions in MedR-Bench (Qiu et al., arXiv 2503.04691:
// efficiency, factuality, completeness) and M3CoTBench (Jiang et al., arXiv 2601.08758:
// correctness, efficiency, consistency), as summarised in ../shared/RUBRICS.md §6. Those papers
// score reasoning automatically; the 1–5 anchors below are ours, for physician rating.
type Anchors = [string, string, string, string, string];

function scale(key: string, label: string, help: string, anchors: Anchors): AxisTemplate {
  const options: AxisOption[] = anchors.map((a, i) => ({ value: String(i + 1), label: a }));
  return { key, label, help, type: "SCALE", appliesTo: "RESPONSE", required: true, options, min: 1, max: 5, best: 5 };
}

function yesNo(key: string, label: string, help: string): AxisTemplate {
  return { key, label, help, type: "BOOLEAN", appliesTo: "RESPONSE", required: true, options: [], best: true };
}

export const reasoningQuality: RubricTemplate = {
  key: "reasoning-quality",
  name: "Clinical reasoning quality (5 dimensions)",
  description:
    "Rates the reasoning a model shows before its answer, not only the answer. The five dimensions (correctness, faithfulness, completeness, efficiency, consistency) are built on the definitions of MedR-Bench (factuality, completeness and efficiency of reasoning steps) and M3CoTBench (step correctness, efficiency and consistency). Both benchmarks score steps automatically; the 1–5 anchors here are our own adaptation for physician rating, not published wording. Two yes/no questions separate a correct final answer from reasoning that actually supports it, so that \"right answer, wrong reasoning\" can be counted.",
  citation: {
    text: "Qiu P. et al. Quantifying the reasoning abilities of LLMs on real-world clinical cases (MedR-Bench). arXiv:2503.04691 (2025); Nature Communications (2025).",
    url: "https://arxiv.org/abs/2503.04691",
  },
  kinds: ["qa", "mcq", "vqa", "ddx"],
  axes: [
    scale("correctness", "Correctness", "Are the medical facts and inferences in the reasoning steps correct?", [
      "Mostly incorrect: major factual or inferential errors",
      "Several errors, at least one clinically important",
      "Mixed: some errors, none decisive",
      "Mostly correct: minor slips only",
      "Fully correct: every step is accurate",
    ]),
    scale("faithfulness", "Faithfulness", "Does the final answer actually follow from the reasoning shown?", [
      "Answer unrelated to or contradicted by the reasoning",
      "Answer only loosely connected to the reasoning",
      "Answer partly follows; key links are missing",
      "Answer follows, with small unstated leaps",
      "Answer follows directly and entirely from the reasoning",
    ]),
    scale("completeness", "Completeness", "Does the reasoning cover the steps a clinician would need to reach the answer?", [
      "Most essential steps missing",
      "Several essential steps missing",
      "Some essential steps missing",
      "Nearly complete: minor gaps only",
      "Complete: all essential steps present",
    ]),
    scale("efficiency", "Efficiency", "Is the reasoning free of redundant, repeated or irrelevant steps?", [
      "Dominated by redundant or irrelevant steps",
      "Much redundant or irrelevant content",
      "Some redundant or irrelevant steps",
      "Mostly focused: little redundancy",
      "Focused: every step contributes",
    ]),
    scale("consistency", "Consistency", "Is the reasoning free of internal contradictions?", [
      "Contradicts itself on central points",
      "Several contradictions",
      "One notable contradiction",
      "Minor inconsistencies only",
      "No contradictions",
    ]),
    yesNo("final_answer_correct", "Final answer correct", "Is the model's final answer correct?"),
    yesNo("reasoning_supports_answer", "Reasoning supports the answer", "Does the reasoning validly support the final answer? (A correct answer reached by wrong reasoning is \"right answer, wrong reasoning\": answer no.)"),
  ],
};
