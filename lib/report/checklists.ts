import type { StudyDesign } from "./load-study-design";
import type { RubricResults } from "@/lib/results/load-results";

// Reporting-checklist items for the human evaluation part of a study, filled in from the study's own
// records where they allow it, and marked for a human to complete where they do not (issue 9).
// Items are paraphrased summaries of what each guideline asks about human evaluation — not the
// official item text or numbering: the report says so, and the study team must check the published
// checklist before submission.

export type ChecklistItem = { topic: string; answer: string | null };
export type Checklist = { name: string; citation: string; items: ChecklistItem[] };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function facts(design: StudyDesign, results: RubricResults) {
  const specialties = Object.entries(design.reviewers.specialties).map(([s, n]) => `${s} (${n})`).join(", ");
  const kinds = Object.entries(design.items.byKind).map(([k, n]) => `${n} ${k}`).join(", ");
  const agreement = results.agreement.filter((a) => a.inter && a.inter.basis.pairableUnits > 0);
  return {
    evaluators: design.reviewers.count ? `${plural(design.reviewers.count, "reviewer")}; specialties: ${specialties || "not recorded"}.` : null,
    sample: design.items.total ? `${plural(design.items.total, "item")} (${kinds}), ${design.items.gold} gold; ${plural(design.models.length, "model")}: ${design.models.map((m) => m.name).join(", ")}.` : null,
    rubric: design.rubric ? `${design.rubric.name} (version ${design.rubric.version}, ${plural(design.rubric.axes, "axis")})${design.rubric.citation ? `, after ${design.rubric.citation}` : ""}.` : null,
    blinding: design.project.blinded ? "Reviewers were blinded to model identity (random response ids, shuffled order, neutral labels)." : "Reviewers were not blinded to model identity.",
    order: design.project.randomizeOrder ? "Item order randomized per reviewer; response order shuffled and stored per assignment." : "Items shown in a fixed order.",
    assignment: `${design.project.reviewersPerItem} reviewer(s) per item; ${plural(design.batches.length, "batch")}.`,
    agreement: agreement.length ? `Reported per axis (Krippendorff's alpha, Fleiss' kappa, Gwet's AC1, percent agreement; bootstrap 95 % CIs) on ${plural(agreement.length, "axis")}.` : null,
    statistics: results.axes.length ? "Shares with 95 % Wilson intervals; best-bin shares; means with t intervals; pairwise win/tie/loss after polarity." : null,
    work: `${design.work.submitted} submitted, ${design.work.skipped} skipped with reasons, ${design.work.pending} not done.`,
  };
}

export function studyChecklists(design: StudyDesign, results: RubricResults): Checklist[] {
  const f = facts(design, results);
  return [
    {
      name: "TRIPOD-LLM — human evaluation",
      citation: "Gallifant J. et al. The TRIPOD-LLM reporting guideline for studies using large language models. Nat Med 2025;31:60–69.",
      items: [
        { topic: "Evaluators: number, expertise, how recruited", answer: f.evaluators && `${f.evaluators} Recruitment: to complete.` },
        { topic: "Evaluation instructions, rubric and scales", answer: f.rubric },
        { topic: "Blinding of evaluators to the model", answer: f.blinding },
        { topic: "Order of presentation", answer: f.order },
        { topic: "Evaluation sample and how it was selected", answer: f.sample && `${f.sample} Selection: to complete.` },
        { topic: "Model versions, prompts and inference settings", answer: null },
        { topic: "Inter-rater agreement: method and results", answer: f.agreement },
        { topic: "How disagreements were resolved", answer: null },
      ],
    },
    {
      name: "MI-CLAIM-GEN — evaluation",
      citation: "Miao B.Y. et al. MI-CLAIM-GEN: minimum information about clinical artificial intelligence modeling for generative models (2024).",
      items: [
        { topic: "Clinical task and setting", answer: null },
        { topic: "Data: items evaluated, their kinds and languages", answer: f.sample && `${f.sample} Languages: ${design.items.languages.join(", ") || "not recorded"}.` },
        { topic: "Human evaluation design (evaluators, assignment, blinding)", answer: f.evaluators && `${f.evaluators} ${f.assignment} ${f.blinding}` },
        { topic: "Evaluation metrics and statistics", answer: f.statistics },
        { topic: "Reproducibility: data and code availability", answer: null },
      ],
    },
    {
      name: "QUEST — planning, implementation, scoring",
      citation: "Tam T.Y.C. et al. A framework for human evaluation of large language models in healthcare derived from literature review. npj Digit Med 2024;7:258.",
      items: [
        { topic: "Planning: evaluation dimensions", answer: f.rubric },
        { topic: "Planning: number and expertise of evaluators, sample size", answer: f.evaluators && f.sample && `${f.evaluators} ${f.sample}` },
        { topic: "Implementation: blinding and randomization", answer: `${f.blinding} ${f.order}` },
        { topic: "Implementation: evaluator training and instructions", answer: null },
        { topic: "Adjudication of disagreements", answer: null },
        { topic: "Scoring and review: scales, agreement and statistics", answer: f.agreement && f.statistics && `${f.statistics} ${f.agreement}` },
        { topic: "Work done", answer: f.work },
      ],
    },
  ];
}
