import type { ClientTool } from "../types";
import { CorrectionEditor } from "./correction-editor";

export const correctionsClient: ClientTool = {
  id: "corrections",
  // After the rubric's panels: the reviewer rates the answer as given, then corrects it.
  ResponseFooter: CorrectionEditor,
  keymap: [{ keys: ["Tab"], action: "corrections.keys.reach", scope: "correction" }],
};
