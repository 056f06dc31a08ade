import Link from "next/link";
import { Markdown } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import type { PracticeFeedback } from "@/lib/qualification/feedback";

/**
 * A qualification round's practice item: before submit, what it is; after, the known answers beside
 * the reviewer's, each marked in words (not only colour), the explanation, and the way on.
 */
export function PracticePanel({ practice, nextHref }: { practice: { attempt: number; feedback: PracticeFeedback | null }; nextHref: string }) {
  const { feedback } = practice;
  return (
    <section aria-label="Practice item" className={`${cardClass} mb-4 border-sky-300 bg-sky-50/40`} data-testid="practice-panel">
      <h2 className="font-medium">Qualification round · practice item{practice.attempt > 1 ? ` · attempt ${practice.attempt}` : ""}</h2>
      {!feedback ? (
        <p className="mt-1 text-sm text-slate-700">This item has a known answer. Rate it as you would any other; once you submit, you will see the known answer and how yours compares.</p>
      ) : (
        <>
          <p className="mt-1 text-sm" data-testid="practice-score">{feedback.correct} of {feedback.compared} known answer(s) matched.</p>
          <table className="mt-2 text-start text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:py-1 [&_td]:pe-4 [&_th]:pe-4">
            <thead className="text-slate-500"><tr><th>What</th><th>Known answer</th><th>Yours</th><th>Result</th></tr></thead>
            <tbody>
              {feedback.rows.map((r, i) => (
                <tr key={i}>
                  <td>{r.target} · {r.axis}</td>
                  <td>{r.expected}</td>
                  <td>{r.given}</td>
                  <td className={r.ok ? "text-emerald-800" : "text-red-800"}>{r.ok ? "✓ Correct" : "✗ Different"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {feedback.explanationHtml ? (
            <div className="mt-3">
              <h3 className="text-sm font-semibold">Explanation</h3>
              <Markdown html={feedback.explanationHtml} className="mt-1 text-sm" />
            </div>
          ) : null}
          <p className="mt-3 text-sm"><Link className="text-blue-800 hover:underline" href={nextHref} data-testid="practice-next">Continue →</Link></p>
        </>
      )}
    </section>
  );
}
