// What a reviewer says about one action of an agent's run (issue 13). Zod-free: the annotator runs in
// the browser. Verdicts and severities are the reasoning steps' (lib/tools/steps/taxonomy.ts), so a
// study that labels both reads them the same way. The error types are agent failures as the papers
// on medical agents report them — acting on a finding that was never revealed (sequential diagnosis
// with a gatekeeper, Nori et al. 2025), wrong tool or arguments against a FHIR record (MedAgentBench,
// Jiang et al. 2025), ordering tests that do not change management (AgentClinic, Schmidgall et al.
// 2024) — in our own words.

export { STEP_VERDICTS as ACTION_VERDICTS, STEP_SEVERITIES as ACTION_SEVERITIES, isErroneousVerdict } from "@/lib/tools/steps/taxonomy";

export const ACTION_ERROR_TYPES = [
  "wrong_tool",
  "wrong_arguments",
  "misread_result",
  "hallucinated_finding",
  "premature_conclusion",
  "missed_information",
  "unsafe_action",
  "protocol_violation",
] as const;
export type ActionErrorType = (typeof ACTION_ERROR_TYPES)[number];
