import type { ClientTool } from "../types";
import { TurnsPanel } from "./turns-panel";

export const turnsClient: ClientTool = {
  id: "turns",
  // Before the rubric's whole-conversation axes: the reviewer reads and rates the dialogue turn by turn first.
  ResponsePanel: TurnsPanel,
  keymap: [
    { keys: ["]"], action: "Next AI turn of the dialogue", scope: "turn" },
    { keys: ["["], action: "Previous AI turn of the dialogue", scope: "turn" },
  ],
};
