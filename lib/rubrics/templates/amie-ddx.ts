import { DDX_MATCH_LABELS } from "@/lib/ddx/matches";
import type { RubricTemplate } from "./types";

// Tu et al., "Towards conversational diagnostic AI", arXiv 2401.05654 (2024), §3 and Appendix
// Table A.4 (Nature 2025): specialists judged each differential against the ground truth and the
// accepted differential; top-k accuracy counts exact, very close and closely related matches
// (RUBRICS.md §5). The 5-point display bins are from a secondary source.
export const ddxAccuracy: RubricTemplate = {
  key: "ddx-accuracy",
  name: "Differential diagnosis accuracy (AMIE specialist rating)",
  description: `For each ranked differential, the reviewer marks every listed diagnosis against the case's ground truth as ${Object.values(DDX_MATCH_LABELS).join(" / ")}. A list is correct at top-k (k = 1, 3, 5, 10) when one of its first k entries is an exact, very close or closely related match, as AMIE scored it; the label "Unrelated" is ours. Optional 5-point ratings of the list's appropriateness and comprehensiveness sit beside it.`,
  citation: {
    text: "Tu T. et al. Towards conversational diagnostic AI. arXiv:2401.05654 (2024); Nature (2025).",
    url: "https://arxiv.org/abs/2401.05654",
  },
  kinds: ["ddx"],
  tools: ["ddx-match"],
  axes: (["appropriateness", "comprehensiveness"] as const).map((aspect) => ({
    key: `ddx_${aspect}`,
    label: `Differential ${aspect}`,
    help: `Optional: how ${aspect === "appropriateness" ? "appropriate (plausible, well ordered) the differential is for this case" : "complete the differential is (does it include the diagnoses a specialist would list)"}. (AMIE's 5-point display bins, from a secondary source.)`,
    type: "SCALE" as const,
    appliesTo: "RESPONSE" as const,
    required: false,
    options: [
      { value: "1", label: "Very unfavourable" },
      { value: "2", label: "Unfavourable" },
      { value: "3", label: "Neither" },
      { value: "4", label: "Favourable" },
      { value: "5", label: "Very favourable" },
    ],
    min: 1,
    max: 5,
    best: 5,
  })),
};
