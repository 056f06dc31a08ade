import type { ClientTool } from "../types";
import { ConfidenceFooter, ItemAxes, ResponseAxes } from "./ratings-panels";

export const ratingsClient: ClientTool = {
  id: "ratings",
  ResponsePanel: ResponseAxes,
  ResponseFooter: ConfidenceFooter,
  ItemPanel: ItemAxes,
  keymap: [
    { keys: ["1–9"], action: "ratings.keys.option", scope: "axis" },
    { keys: ["Y", "N"], action: "ratings.keys.yesNo", scope: "axis" },
    { keys: ["C"], action: "ratings.keys.comment", scope: "axis" },
  ],
};
