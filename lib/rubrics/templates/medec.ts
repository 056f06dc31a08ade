import type { RubricTemplate } from "./types";

// Ben Abacha et al., "MEDEC: A Benchmark for Medical Error Detection and Correction in Clinical
// Notes", arXiv 2412.19260 (2024), ACL Findings 2025; data abachaa/MEDEC, scoring
// abachaa/MEDIQA-CORR-2024/evaluation; as summarised in ../shared/RUBRICS.md §7. Option values
// are the error-type strings of the MEDEC CSV; the one-line glosses are paraphrased from the type
// names (the paper's own definitions are unverified).
export const medecNoteReview: RubricTemplate = {
  key: "medec-note-review",
  name: "MEDEC clinical-note error detection and correction",
  description:
    "Each clinical note is either correct or contains exactly one medical error. The reviewer (A) flags whether the note has an error, (B) gives the id of the erroneous sentence, (C) writes the corrected sentence, and names the error type (Diagnosis, Management, Treatment, Pharmacotherapy or Causal organism). MEDEC scores detection and localization by accuracy, and correction by ROUGE, BERTScore and BLEURT (Aggregate = mean of ROUGE-1 F, BERTScore and BLEURT-20), scoring a text 1 when both sides say there is no error and 0 when only one does. The short descriptions of the error types are our paraphrase; the paper's own definitions are unverified.",
  citation: {
    text: "Ben Abacha A. et al. MEDEC: A Benchmark for Medical Error Detection and Correction in Clinical Notes. arXiv:2412.19260 (2024); Findings of ACL 2025.",
    url: "https://arxiv.org/abs/2412.19260",
  },
  kinds: ["note"],
  axes: [
    {
      key: "error_flag",
      label: "Contains an error",
      help: "Does the note contain a medical error?",
      type: "BOOLEAN",
      appliesTo: "ITEM",
      required: true,
      options: [],
    },
    {
      key: "error_type",
      label: "Error type",
      help: "If the note contains an error, what kind is it? (Descriptions paraphrased from the type names; the paper's definitions are unverified.)",
      type: "CHOICE",
      appliesTo: "ITEM",
      required: false,
      options: [
        { value: "diagnosis", label: "Diagnosis", help: "A wrong diagnosis is stated." },
        { value: "management", label: "Management", help: "A wrong next step or plan." },
        { value: "treatment", label: "Treatment", help: "A wrong therapeutic intervention." },
        { value: "pharmacotherapy", label: "Pharmacotherapy", help: "A wrong drug or drug choice." },
        { value: "causalOrganism", label: "Causal organism", help: "The wrong pathogen is named as the cause." },
      ],
    },
    {
      key: "error_sentence_id",
      label: "Erroneous sentence",
      help: "Pick the erroneous sentence (click it in the note, or choose it here). Leave empty if there is no error.",
      // Stored as the sentence id, as MEDEC numbers them; only ids the note has are accepted.
      type: "CHOICE",
      appliesTo: "ITEM",
      required: false,
      options: [],
      optionsFrom: "note_sentences",
    },
    {
      key: "corrected_sentence",
      label: "Corrected sentence",
      help: "Rewrite the erroneous sentence so that it is correct. Leave empty if there is no error.",
      type: "TEXT",
      appliesTo: "ITEM",
      required: false,
      options: [],
    },
  ],
};
