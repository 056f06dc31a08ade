import type { RubricTemplate } from "./types";

// Arora et al. (OpenAI), "HealthBench: Evaluating Large Language Models Towards Improved Human
// Health", arXiv 2505.08775 (2025); scoring from openai/simple-evals healthbench_eval.py
// (calculate_score, _compute_clipped_stats), as summarised in ../shared/RUBRICS.md §4.
// The optional overall-quality anchors are the common 5-point labels of RUBRICS.md §8.
export const healthbenchCriteria: RubricTemplate = {
  key: "healthbench-criteria",
  name: "HealthBench case-specific criteria",
  description:
    "Each item carries physician-written criteria, each with non-zero points (negative points mark undesirable behaviour) and tags for one axis (accuracy, completeness, communication quality, context awareness, instruction following) and the item's themes. The reviewer marks each criterion as met or not met. Per item, score = Σ points of the criteria met (negative criteria included) ÷ Σ points of all positive criteria; this is not clipped, so it can be negative. Overall score = the mean over items, clipped to [0,1], with a bootstrap standard deviation from 1,000 resamples of the clipped mean. Axis scores use the same formula restricted to criteria tagged with that axis (skipped when there are no positive points); theme scores average and clip the item scores of items carrying that theme. An optional 5-point overall-quality rating can be given beside the criteria.",
  citation: {
    text: "Arora R.K. et al. HealthBench: Evaluating Large Language Models Towards Improved Human Health. arXiv:2505.08775 (2025).",
    url: "https://arxiv.org/abs/2505.08775",
  },
  kinds: ["dialogue", "qa"],
  tools: ["criteria"],
  axes: [
    {
      key: "overall_quality",
      label: "Overall quality",
      help: "Optional: your overall judgement of the response's quality. (Anchors from Ayers et al., JAMA Intern Med 2023; the full label list is from a secondary source.)",
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
