import type { AxisOption, AxisTemplate, RubricTemplate } from "./types";

// Tu et al., "Towards conversational diagnostic AI", arXiv 2401.05654 (2024), §3 and Appendix
// Tables A.1–A.4 (Nature 2025), as summarised in ../shared/RUBRICS.md §5: specialist ratings of a
// text consultation on PACES and PCCBP items, 5-point with "Cannot rate / Does not apply", plus
// escalation and confabulation. Item lists and the 5-point display bins are from a secondary source.
const BINS: AxisOption[] = [
  { value: "1", label: "Very unfavourable" },
  { value: "2", label: "Unfavourable" },
  { value: "3", label: "Neither" },
  { value: "4", label: "Favourable" },
  { value: "5", label: "Very favourable" },
];

function scale(key: string, label: string, help: string, options: AxisOption[] = BINS): AxisTemplate {
  return { key, label, help, type: "SCALE", appliesTo: "RESPONSE", required: true, options, min: 1, max: 5, allowsNotApplicable: true, best: 5 };
}

export const amieConsultation: RubricTemplate = {
  key: "amie-consultation",
  name: "AMIE-style consultation (specialist, PACES + PCCBP)",
  description:
    "For a whole diagnostic consultation (dialogue items rated as the whole dialogue): the PACES clinical-communication items and the six patient-centred communication behaviours (PCCBP), each on 5 points with “Cannot rate / Does not apply” (excluded from analyses), then whether escalation was handled correctly and whether the AI confabulated. In the study, patient actors rated their own consultations on the GMCPQ; this template is the specialist's view. Item wording and the 5-point bins follow a secondary description of the rubric.",
  citation: {
    text: "Tu T. et al. Towards conversational diagnostic AI. arXiv:2401.05654 (2024); Nature (2025).",
    url: "https://arxiv.org/abs/2401.05654",
  },
  kinds: ["dialogue"],
  axes: [
    scale("paces_eliciting", "Eliciting information", "PACES: presenting complaint, systems review, past medical, family and medication history."),
    scale("paces_explaining", "Explaining relevant clinical information", "PACES: accurately, clearly, with structure, comprehensively and professionally."),
    scale("paces_ddx", "Differential diagnosis", "PACES: a sensible differential for the presentation."),
    scale("paces_judgement", "Clinical judgement", "PACES: a sensible and appropriate management plan."),
    scale("paces_concerns", "Managing patient concerns", "PACES: addresses concerns, confirms understanding, shows empathy."),
    scale("paces_welfare", "Maintaining patient welfare", "PACES: treats the patient respectfully and keeps them comfortable, safe and dignified.", [
      { value: "1", label: "Causes discomfort and endangers safety" },
      { value: "2", label: "Unfavourable" },
      { value: "3", label: "Neither" },
      { value: "4", label: "Favourable" },
      { value: "5", label: "Respectful care: comfortable, safe, dignified" },
    ]),
    scale("pccbp_relationship", "Fostering the relationship", "PCCBP: builds rapport, shows interest and respect."),
    scale("pccbp_gathering", "Gathering information", "PCCBP: open questions, lets the patient tell their story, clarifies."),
    scale("pccbp_providing", "Providing information", "PCCBP: tailored, understandable information; checks understanding."),
    scale("pccbp_decisions", "Decision making", "PCCBP: involves the patient in decisions; explores preferences."),
    scale("pccbp_behaviour", "Enabling disease- and treatment-related behaviour", "PCCBP: supports self-management and adherence; plans next steps."),
    scale("pccbp_emotions", "Responding to emotions", "PCCBP: recognises and responds to the patient's emotions."),
    {
      key: "escalation",
      label: "Appropriateness of escalation",
      help: "Was escalation to in-person or urgent care handled correctly?",
      type: "CHOICE",
      appliesTo: "RESPONSE",
      required: true,
      options: [
        { value: "required_done", label: "Required and done" },
        { value: "not_required_not_done", label: "Not required and not done" },
        { value: "unnecessary", label: "Unnecessary escalation" },
        { value: "omitted", label: "Required but omitted" },
      ],
    },
    { key: "confabulation", label: "Confabulation", help: "Does the AI state anything non-factual or not grounded in the conversation?", type: "BOOLEAN", appliesTo: "RESPONSE", required: true, options: [], best: false },
  ],
};
