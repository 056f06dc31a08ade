"use client";
import { useTranslations } from "next-intl";
import type { AnnotationData, RatingValue } from "@/lib/annotations/schema";
import { sameValue, type ReviewSuggestions } from "@/lib/tools/suggestions/targets";
import { PlainText } from "@/components/ui/markdown";

/**
 * Beside one axis or criterion: the suggestion for it, once shown (decision 034). Pre-filled values
 * are marked "Suggested" until the reviewer changes them; suggestions shown after the reviewer's own
 * answer say whether they agree. "Use suggestion" (key U on the focused block) takes the value.
 */
export function SuggestionNote({ suggestions, data, responseId, target, current, show, onUse }: {
  suggestions: ReviewSuggestions | null;
  data: AnnotationData;
  responseId: string;
  target: string;
  current: unknown;
  /** The suggested value as the reviewer reads it (option label, Yes/No, Met/Not met). */
  show: (value: RatingValue) => string;
  onUse: (value: RatingValue) => void;
}) {
  const t = useTranslations("tools.suggestions.note");
  const block = data.suggestions?.[responseId];
  if (!suggestions || !block || !Object.hasOwn(block.shown, target)) return null;
  const suggested = block.shown[target];
  const rationale = suggestions.values.find((v) => v.responseId === responseId && v.target === target)?.rationale;
  const source = suggestions.judge ? t("sourceJudge", { judge: suggestions.judge }) : t("source");
  const agrees = sameValue(current, suggested);
  const tookIt = block.mode === "after_own" && agrees && !sameValue(block.own?.[target], suggested);
  const verdict = block.mode === "prefilled" ? "changed" : !agrees ? "differs" : tookIt ? "tookIt" : "agrees";
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs" data-testid="suggestion" data-target={target} data-state={block.mode === "prefilled" ? (agrees ? "prefilled" : "changed") : agrees ? "agrees" : "differs"}>
      {block.mode === "prefilled" && agrees ? (
        <span className="rounded border border-dashed border-amber-500 bg-amber-50 px-1.5 py-0.5 font-medium text-amber-900">{t("prefilled", { source })}</span>
      ) : (
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">
          {t.rich(verdict, { source, value: () => <strong><PlainText text={show(suggested)} /></strong> })}
        </span>
      )}
      {!agrees ? (
        <button type="button" className="text-blue-800 underline" onClick={() => onUse(suggested)} data-use-suggestion>
          {t.rich("use", { kbd: (chunks) => <kbd className="text-slate-500">{chunks}</kbd> })}
        </button>
      ) : null}
      {rationale ? (
        <details>
          <summary className="cursor-pointer text-slate-500">{t("why")}</summary>
          <p className="mt-1 max-w-prose whitespace-pre-line text-slate-700" dir="auto"><PlainText text={rationale} /></p>
        </details>
      ) : null}
    </div>
  );
}
