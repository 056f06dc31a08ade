"use client";
import { useTranslations } from "next-intl";
import type { ClientTool, ResponsePanelProps } from "../types";
import { CriteriaChecklist } from "./criteria-checklist";
import { SuggestionNote } from "../suggestions/suggestion-note";
import { criterionTarget } from "@/lib/tools/suggestions/targets";

function Criteria({ criteria, response, block, setBlock, problemAt, suggestions, data, language }: ResponsePanelProps) {
  const t = useTranslations("tools.criteria");
  const setMet = (c: string, met: boolean | null) => setBlock((b) => ({ ...b, criteria: { ...b.criteria, [c]: { ...b.criteria?.[c], met } } }));
  return (
    <CriteriaChecklist responseId={response.id} criteria={criteria} marks={block.criteria ?? {}}
      onChange={(c, mark) => setBlock((b) => ({ ...b, criteria: { ...b.criteria, [c]: mark } }))} problem={problemAt.get(`responses.${response.id}.criteria`)} language={language}
      noteFor={(c) => (
        <SuggestionNote suggestions={suggestions} data={data} responseId={response.id} target={criterionTarget(c)} current={block.criteria?.[c]?.met ?? undefined}
          show={(v) => (v === true ? t("met") : v === false ? t("notMet") : String(v))} onUse={(v) => setMet(c, typeof v === "boolean" ? v : null)} />
      )} />
  );
}

export const criteriaClient: ClientTool = {
  id: "criteria",
  ResponsePanel: Criteria,
  keymap: [{ keys: ["Y", "N"], action: "criteria.keys.met", scope: "criterion" }],
};
