import type { ClientTool } from "../types";
import { StepAnnotator } from "./step-annotator";

export const stepsClient: ClientTool = {
  id: "steps",
  ResponsePanel: StepAnnotator,
  keymap: [
    { keys: ["1–5"], action: "Step verdict: correct / incorrect / unsupported / irrelevant / redundant", scope: "step" },
    { keys: ["7", "8", "9"], action: "Severity of a step that is not correct: minor / major / critical", scope: "step" },
    { keys: ["E"], action: "Open the step's error types (Space ticks one)", scope: "step" },
    { keys: ["C"], action: "Comment on the step", scope: "step" },
  ],
};
