import type { ClientTool } from "../types";
import { StepAnnotator } from "./step-annotator";

export const stepsClient: ClientTool = {
  id: "steps",
  ResponsePanel: StepAnnotator,
  keymap: [
    { keys: ["1–5"], action: "steps.keys.verdict", scope: "step" },
    { keys: ["7", "8", "9"], action: "steps.keys.severity", scope: "step" },
    { keys: ["E"], action: "steps.keys.errorTypes", scope: "step" },
    { keys: ["C"], action: "steps.keys.comment", scope: "step" },
  ],
};
