import type { ClientTool } from "../types";
import { ActionAnnotator } from "./action-annotator";

export const actionsClient: ClientTool = {
  id: "actions",
  ResponsePanel: ActionAnnotator,
  keymap: [
    { keys: ["1–5"], action: "actions.keys.verdict", scope: "action" },
    { keys: ["7", "8", "9"], action: "actions.keys.severity", scope: "action" },
    { keys: ["E"], action: "actions.keys.errorTypes", scope: "action" },
    { keys: ["Y", "N"], action: "actions.keys.necessary", scope: "action" },
    { keys: ["C"], action: "actions.keys.comment", scope: "action" },
  ],
};
