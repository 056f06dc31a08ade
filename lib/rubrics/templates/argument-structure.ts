import type { RubricTemplate } from "./types";

// Argument structure (issue 8; DESIGN.md tool 5): reviewers mark argument components (by default
// AbstRCT's MajorClaim, Claim and Premise) in the item's texts and draw Support and Attack relations
// between them. The spans are the tool's (lib/tools/arguments); the one rubric axis is an optional
// judgement of how well the text argues, so a study can relate structure to perceived quality.
export const argumentStructure: RubricTemplate = {
  key: "argument-structure",
  name: "Argument structure (claims, premises, support and attack)",
  description:
    "The reviewer marks the argument components of a text — abstracts, clinical explanations, model answers and reasoning — as labelled spans (by default major claim, claim and premise, as AbstRCT annotates randomized-trial abstracts) and links them with support and attack relations. Spans may overlap and nest; offsets are Unicode code points of the stored text. Imports and exports brat standoff, CoNLL/BIO and CasiMedicos-Arg.",
  citation: {
    text: "Mayer T., Cabrio E., Villata S. Transformer-based Argument Mining for Healthcare Applications (AbstRCT). ECAI 2020; Sviridova E. et al. CasiMedicos-Arg: A Medical Question Answering Dataset Annotated with Explanatory Argumentative Structures. EMNLP 2024.",
    url: "https://ebooks.iospress.nl/doi/10.3233/FAIA200334",
  },
  kinds: ["note", "qa", "mcq"],
  tools: ["arguments"],
  axes: [
    {
      key: "argument_quality",
      label: "How well does the text argue?",
      help: "Optional, after marking its structure: are the claims supported by the premises the text gives?",
      type: "SCALE",
      appliesTo: "ITEM",
      required: false,
      options: [
        { value: "1", label: "Not at all" },
        { value: "2", label: "Poorly" },
        { value: "3", label: "Partly" },
        { value: "4", label: "Mostly" },
        { value: "5", label: "Fully" },
      ],
      min: 1,
      max: 5,
      best: 5,
    },
  ],
};
