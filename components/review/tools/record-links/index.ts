import type { ClientTool } from "../types";
import { RecordLinksPanel } from "./record-links-panel";

export const recordLinksClient: ClientTool = {
  id: "record-links",
  LeadPanel: RecordLinksPanel,
  // The verdict keys work in this tool's span annotator (its own scope, apart from other label sets).
  keymap: [
    { keys: ["Y", "X", "N"], action: "recordLinks.keys.verdict", scope: "record-text" },
    { keys: ["/"], action: "recordLinks.keys.search", scope: "record" },
    { keys: ["Space"], action: "recordLinks.keys.link", scope: "record" },
  ],
};
