"use client";
import { useEffect } from "react";
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
  const values = suggestions?.values.filter((v) => v.responseId === response.id) ?? [];
  if (!suggestions || !values.length) return null;
  const block = data.suggestions?.[response.id];
  const targets = values.map((v) => v.target);
  let text: string;
  if (block?.mode === "prefilled") {
    const kept = Object.entries(block.shown).filter(([t, v]) => sameValue(valueAt(data.responses[response.id], t), v)).length;
    text = `${Object.keys(block.shown).length} answers were pre-filled from suggestions (marked “Suggested”); ${kept} unchanged. Check each before you submit.`;
  } else if (block) {
    text = "Suggestions are shown beside your answers; change yours only if the suggestion convinces you.";
  } else if (suggestions.mode === "after_own") {
    const given = targets.filter((t) => !isMissing(valueAt(data.responses[response.id], t))).length;
    text = answeredAll(data, response.id, targets) ? "Suggestions appear now." : `Suggestions for this response appear once you have given your own answers (${given} of ${targets.length}).`;
  } else return null;
  return <p className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="suggestion-status">{text}</p>;
}

export const suggestionsClient: ClientTool = {
  id: "suggestions",
  ResponsePanel: SuggestionStatus,
  ItemPanel: SuggestionsEngine,
  keymap: [{ keys: ["U"], action: "Use the suggested value on the focused axis or criterion", scope: "axis" }],
};
