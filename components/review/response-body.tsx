import { useTranslations } from "next-intl";
import type { ReviewResponse } from "@/lib/assignments/load-for-review";
import { Markdown, PlainText } from "@/components/ui/markdown";
import { textProps } from "@/components/ui/text-direction";
import { useResponseName } from "./response-name";
import { Transcript } from "./transcript";

/** The automatic grade, when the project reveals the answer key. */
function Grade({ correct }: { correct?: boolean }) {
  const t = useTranslations("review.response");
  if (correct === undefined) return null;
  return correct ? <span className="ms-2 text-xs font-medium text-green-800" data-grade="correct">{t("correct")}</span> : <span className="ms-2 text-xs font-medium text-red-800" data-grade="incorrect">{t("incorrect")}</span>;
}

/** A model response as the reader reads it: answer by kind, then the collapsible reasoning trace. */
/** `gradedDifferential`: the list is shown by the grading widget instead; `ratedTurns`: the transcript by the per-turn ratings. */
/** `language`: the item's language; the model's text is shown in its direction (labels follow the page). */
export function ResponseBody({ response: r, gradedDifferential = false, ratedTurns = false, language }: { response: ReviewResponse; gradedDifferential?: boolean; ratedTurns?: boolean; language?: string | null }) {
  const t = useTranslations("review.response");
  const responseName = useResponseName();
  const text = textProps(language);
  return (
    <div className="text-sm">
      {r.choice || r.choices ? (
        <p className="mb-2" data-testid="mcq-choice">
          {/* The option keys are item text: shown through PlainText, so markup in a key is marked, never run. */}
          {t.rich("chose", { choice: (r.choices ?? [r.choice]).join(", "), key: () => <span className="rounded bg-slate-100 px-1.5 font-semibold" {...text}><PlainText text={(r.choices ?? [r.choice ?? ""]).join(", ")} /></span> })}
          <Grade correct={r.choiceCorrect} />
        </p>
      ) : null}
      {r.numeric ? (
        <p className="mb-2" data-testid="numeric-answer">
          {t.rich("answered", { value: String(r.numeric.value), unit: r.numeric.unit ?? "", key: (chunks) => <span className="rounded bg-slate-100 px-1.5 font-semibold">{chunks}</span> })}
          <Grade correct={r.numericCorrect} />
        </p>
      ) : null}
      {r.differential && !gradedDifferential ? (
        <ol className="mb-2 list-decimal space-y-1 ps-5" aria-label={t("differential")} data-testid="differential" {...text}>
          {r.differential.map((d, i) => (
            <li key={i}>
              <span className="font-medium"><PlainText text={d.diagnosis} /></span>
              {d.rationaleHtml ? <Markdown html={d.rationaleHtml} className="text-slate-700" /> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {r.turns && !ratedTurns ? <Transcript turns={r.turns} label={t("dialogue", { name: responseName(r.displayLabel) })} language={language} /> : null}
      {r.contentHtml ? <Markdown html={r.contentHtml} data-testid="response-content" {...text} /> : null}
      {/* When its steps are labelled, the trace is shown step by step by the steps tool instead. */}
      {r.reasoningHtml && r.steps?.over !== "reasoning" ? (
        <details className="mt-2" data-testid="reasoning">
          <summary className="cursor-pointer text-slate-600">{t("reasoning", { chars: r.reasoningChars })}</summary>
          <Markdown html={r.reasoningHtml} className="mt-1 max-h-[60vh] overflow-auto border-s-2 border-slate-200 ps-3 text-slate-700" {...text} />
        </details>
      ) : null}
    </div>
  );
}
