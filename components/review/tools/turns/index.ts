import type { ClientTool } from "../types";
import { TurnsPanel } from "./turns-panel";

export const turnsClient: ClientTool = {
  id: "turns",
  // Before the rubric's whole-conversation axes: the reviewer reads and rates the dialogue turn by turn first.
  ResponsePanel: TurnsPanel,
  keymap: [
    { keys: ["]"], action: "turns.keys.next", scope: "turn" },
    { keys: ["["], action: "turns.keys.previous", scope: "turn" },
  ],
};
