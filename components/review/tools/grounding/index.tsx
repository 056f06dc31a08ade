"use client";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { ArgumentAnnotation } from "@/lib/formats/argument-types";
import { sourceLabelSet, summaryLabelSet } from "@/lib/tools/grounding/labels";
import { ArgumentAnnotator } from "../arguments/argument-annotator";
import type { ClientTool, ResponsePanelProps } from "../types";

const EMPTY: ArgumentAnnotation = { spans: [], relations: [] };

/**
 * A summary against its source, side by side (issue 13): in the summary the reviewer marks what the
 * source does not support, by kind; in the source what the summary leaves out that matters. Both
 * are the span annotator of argument structure (mouse selection or the keyboard), with this tool's
 * labels and no relations; the marks are this response's.
 */
function GroundingPanel({ response, data, update, problemAt, language, summarySource }: ResponsePanelProps) {
  const t = useTranslations("tools.grounding");
  const labels = useMemo(() => summaryLabelSet((k) => t(`labels.${k}`)), [t]);
  const omitted = useMemo(() => sourceLabelSet(t("omitted")), [t]);
  if (response.summaryText === undefined || summarySource === undefined) return null;
  const marks = data.grounding?.[response.id] ?? {};
  const set = (part: "summary" | "source", next: ArgumentAnnotation) => update({ ...data, grounding: { ...data.grounding, [response.id]: { ...marks, [part]: next } } });
  const problem = (part: string) => [...problemAt].find(([path]) => path.startsWith(`grounding.${response.id}.${part}`) || path === `grounding.${response.id}`)?.[1];
  const unsupported = marks.summary?.spans.length ?? 0;
  const omissions = marks.source?.spans.length ?? 0;
  return (
    <div className="rounded-md border border-slate-200 p-3" data-testid="grounding-panel">
      <p className="mb-2 flex flex-wrap justify-between gap-2 text-sm font-medium">
        <span>{t("heading")}</span>
        <span className="text-xs font-normal text-slate-600" data-testid="grounding-counts">{t("counts", { unsupported, omitted: omissions })}</span>
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <ArgumentAnnotator targetKey={`grounding.${response.id}.summary`} title={t("summary")} text={response.summaryText} annotation={marks.summary ?? EMPTY} labelSet={labels} onChange={(next) => set("summary", next)} problem={problem("summary")} language={language} />
        <ArgumentAnnotator targetKey={`grounding.${response.id}.source`} title={t("source")} text={summarySource} annotation={marks.source ?? EMPTY} labelSet={omitted} onChange={(next) => set("source", next)} problem={problem("source")} language={language} />
      </div>
    </div>
  );
}

export const groundingClient: ClientTool = {
  id: "grounding",
  ResponsePanel: GroundingPanel,
  // The keys work in this tool's span annotators; its own scope keeps them apart from argument
  // structure's label keys (another label set, never on the same text).
  keymap: [
    { keys: ["F", "V", "E", "C", "I"], action: "grounding.keys.mark", scope: "grounding-text" },
    { keys: ["O"], action: "grounding.keys.omit", scope: "grounding-text" },
  ],
};
