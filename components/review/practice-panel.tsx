import Link from "next/link";
import { useTranslations } from "next-intl";
import { Markdown } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import { textProps } from "@/components/ui/text-direction";
import type { PracticeFeedback } from "@/lib/qualification/feedback";
import { useResponseName } from "./response-name";

/**
 * A qualification round's practice item: before submit, what it is; after, the known answers beside
 * the reviewer's, each marked in words (not only colour), the explanation, and the way on.
 * `language`: the item's, for the explanation's direction.
 */
export function PracticePanel({ practice, nextHref, language }: { practice: { attempt: number; feedback: PracticeFeedback | null }; nextHref: string; language?: string | null }) {
  const t = useTranslations("review.practice");
  const responseName = useResponseName();
  const { feedback } = practice;
  // lib/qualification/feedback.ts names the target and pair answers in English: "Response A", "Comparison", "Item", "Tie".
  const target = (s: string) => (s === "Comparison" ? t("comparison") : s === "Item" ? t("item") : s === "a response" ? t("aResponse") : responseName(s));
  const answer = (s: string) => (s === "Tie" ? t("tie") : responseName(s));
  return (
    <section aria-label={t("label")} className={`${cardClass} mb-4 border-sky-300 bg-sky-50/40`} data-testid="practice-panel">
      <h2 className="font-medium">{practice.attempt > 1 ? t("headingAttempt", { attempt: String(practice.attempt) }) : t("heading")}</h2>
      {!feedback ? (
        <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm" data-testid="practice-score">{t("score", { correct: feedback.correct, compared: feedback.compared })}</p>
          <table className="mt-2 text-start text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:py-1 [&_td]:pe-4 [&_th]:pe-4">
            <thead className="text-slate-500"><tr><th>{t("columns.what")}</th><th>{t("columns.known")}</th><th>{t("columns.yours")}</th><th>{t("columns.result")}</th></tr></thead>
            <tbody>
              {feedback.rows.map((r, i) => (
                <tr key={i}>
                  <td>{target(r.target)} · {r.axis}</td>
                  <td>{answer(r.expected)}</td>
                  <td>{answer(r.given)}</td>
                  <td className={r.ok ? "text-emerald-800" : "text-red-800"}>{r.ok ? t("correct") : t("different")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {feedback.explanationHtml ? (
            <div className="mt-3">
              <h3 className="text-sm font-semibold">{t("explanation")}</h3>
              <Markdown html={feedback.explanationHtml} className="mt-1 text-sm" {...textProps(language)} />
            </div>
          ) : null}
          <p className="mt-3 text-sm"><Link className="text-blue-800 hover:underline" href={nextHref} data-testid="practice-next">{t("continue")}</Link></p>
        </>
      )}
    </section>
  );
}
