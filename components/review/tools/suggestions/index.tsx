"use client";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { applySuggestions } from "@/lib/tools/suggestions/apply";
import { answeredAll, sameValue, valueAt } from "@/lib/tools/suggestions/targets";
import { isMissing } from "@/lib/tools/ratings/axis-values";
import type { ClientTool, ResponsePanelProps, ToolPanelProps } from "../types";

/** Shows the suggestions the document is due, once per change (one update for every response at once). */
function SuggestionsEngine({ suggestions, data, update, readOnly }: ToolPanelProps) {
  useEffect(() => {
    if (!suggestions || readOnly) return;
    const next = applySuggestions(data, suggestions);
    if (next !== data) update(next);
  }, [data, suggestions, readOnly, update]);
  return null;
}

/** At the top of a response's card: what the suggestions of this response are waiting for, or how many were pre-filled. */
function SuggestionStatus({ suggestions, data, response }: ResponsePanelProps) {
  const t = useTranslations("tools.suggestions.status");
  const values = suggestions?.values.filter((v) => v.responseId === response.id) ?? [];
  if (!suggestions || !values.length) return null;
  const block = data.suggestions?.[response.id];
  const targets = values.map((v) => v.target);
  let text: string;
  if (block?.mode === "prefilled") {
    const kept = Object.entries(block.shown).filter(([t, v]) => sameValue(valueAt(data.responses[response.id], t), v)).length;
    text = t("prefilled", { count: Object.keys(block.shown).length, kept });
  } else if (block) {
    text = t("shown");
  } else if (suggestions.mode === "after_own") {
    const given = targets.filter((target) => !isMissing(valueAt(data.responses[response.id], target))).length;
    text = answeredAll(data, response.id, targets) ? t("appearNow") : t("waiting", { given, total: targets.length });
  } else return null;
  return <p className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="suggestion-status">{text}</p>;
}

export const suggestionsClient: ClientTool = {
  id: "suggestions",
  ResponsePanel: SuggestionStatus,
  ItemPanel: SuggestionsEngine,
  keymap: [{ keys: ["U"], action: "suggestions.keys.use", scope: "axis" }],
};
