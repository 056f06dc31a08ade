import type { ClientTool, ResponsePanelProps } from "../types";
import { DifferentialGrading } from "./differential-grading";

function Differential({ response, block, setBlock, problemAt, language }: ResponsePanelProps) {
  if (!response.differential) return null;
  return (
    <DifferentialGrading response={response} marks={block.entries ?? {}} onChange={(rank, mark) => setBlock((b) => ({ ...b, entries: { ...b.entries, [String(rank)]: mark } }))}
      problem={problemAt.get(`responses.${response.id}.entries`)} language={language} />
  );
}

export const ddxMatchClient: ClientTool = {
  id: "ddx-match",
  ResponsePanel: Differential,
  keymap: [{ keys: ["1–4"], action: "ddxMatch.keys.match", scope: "entry" }],
};
