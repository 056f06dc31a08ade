import type { ClientTool } from "../types";
import { CitationChecks } from "./citation-check";

export const citationsClient: ClientTool = {
  id: "citations",
  ResponsePanel: CitationChecks,
  keymap: [
    { keys: ["1–4"], action: "citations.keys.mark", scope: "citation" },
    { keys: ["C"], action: "citations.keys.note", scope: "citation" },
  ],
};
