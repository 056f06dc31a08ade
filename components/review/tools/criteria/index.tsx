import type { ClientTool, ResponsePanelProps } from "../types";
import { CriteriaChecklist } from "./criteria-checklist";

function Criteria({ criteria, response, block, setBlock, problemAt }: ResponsePanelProps) {
  return (
    <CriteriaChecklist responseId={response.id} criteria={criteria} marks={block.criteria ?? {}}
      onChange={(c, mark) => setBlock((b) => ({ ...b, criteria: { ...b.criteria, [c]: mark } }))} problem={problemAt.get(`responses.${response.id}.criteria`)} />
  );
}

export const criteriaClient: ClientTool = {
  id: "criteria",
  ResponsePanel: Criteria,
  keymap: [{ keys: ["Y", "N"], action: "Criterion met / not met", scope: "criterion" }],
};
