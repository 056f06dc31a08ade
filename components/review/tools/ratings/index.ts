import type { ClientTool } from "../types";
import { ConfidenceFooter, ItemAxes, ResponseAxes } from "./ratings-panels";

export const ratingsClient: ClientTool = {
  id: "ratings",
  ResponsePanel: ResponseAxes,
  ResponseFooter: ConfidenceFooter,
  ItemPanel: ItemAxes,
  keymap: [
    { keys: ["1–9"], action: "Choose the n-th option as shown (yes/no axes: Yes is always 1)", scope: "axis" },
    { keys: ["Y", "N"], action: "Yes / No on a yes-no axis", scope: "axis" },
    { keys: ["C"], action: "Comment on the focused axis", scope: "axis" },
  ],
};
