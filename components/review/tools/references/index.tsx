import type { ClientTool, ResponsePanelProps } from "../types";
import type { Coverage } from "@/lib/tools/references/statements";
import { StatementCoverage } from "./statement-coverage";

function References({ statements, response, data, update, problemAt, language }: ResponsePanelProps) {
  const marks = (data.references?.[response.id] ?? {}) as Record<string, Coverage>;
  const set = (index: number, coverage: Coverage) =>
    update({ ...data, references: { ...data.references, [response.id]: { ...marks, [String(index)]: coverage } } });
  return <StatementCoverage responseId={response.id} statements={statements} marks={marks} onChange={set} problem={problemAt.get(`references.${response.id}`)} language={language} />;
}

export const referencesClient: ClientTool = {
  id: "references",
  ResponsePanel: References,
  keymap: [{ keys: ["1–3"], action: "references.keys.coverage", scope: "statement" }],
};
