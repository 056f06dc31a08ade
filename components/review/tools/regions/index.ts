import type { ClientTool } from "../types";
import { RegionsPanel } from "./regions-panel";

export const regionsClient: ClientTool = {
  id: "regions",
  LeadPanel: RegionsPanel,
  keymap: [
    { keys: ["V", "B", "P", "G", "M"], action: "regions.keys.mode", scope: "regions" },
    { keys: ["N"], action: "regions.keys.new", scope: "regions" },
    { keys: ["1–9"], action: "regions.keys.label", scope: "regions" },
    { keys: ["←→↑↓"], action: "regions.keys.move", scope: "regions" },
    { keys: ["Alt", "←→↑↓"], action: "regions.keys.resize", scope: "regions" },
    { keys: [",", "."], action: "regions.keys.cycle", scope: "regions" },
    { keys: ["E"], action: "regions.keys.vertex", scope: "regions" },
    { keys: ["Delete"], action: "regions.keys.delete", scope: "regions" },
    { keys: ["F"], action: "regions.keys.close", scope: "regions" },
    { keys: ["Esc"], action: "regions.keys.cancel", scope: "regions" },
    { keys: ["L"], action: "regions.keys.layer", scope: "regions" },
    { keys: ["1–3"], action: "regions.keys.verdict", scope: "region-model" },
  ],
};
