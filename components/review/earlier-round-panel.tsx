import { cardClass } from "@/components/ui/styles";
import type { EarlierRound } from "@/lib/assignments/earlier-round";

/** A Delphi-style round: the group's earlier answers to this item, counted and anonymized, before the reviewer rates again. */
export function EarlierRoundPanel({ round }: { round: EarlierRound }) {
  return (
    <details open className={`${cardClass} mb-4`} data-testid="earlier-round">
      <summary className="cursor-pointer font-medium">The group&apos;s earlier answers ({round.reviews} review{round.reviews === 1 ? "" : "s"}, anonymized)</summary>
      <p className="mt-1 text-xs text-slate-600">This is a further round: consider the group&apos;s answers, then give your own. Responses are named as you see them.</p>
      {round.rows.length ? (
        <table className="mt-2 text-start text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:py-1 [&_td]:pe-4">
          <tbody>
            {round.rows.map((row) => (
              <tr key={`${row.target}·${row.axis}`}>
                <td className="text-slate-600">{row.target} · {row.axis}</td>
                <td>{row.counts.map((c) => `${c.answer} × ${c.n}`).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="mt-1 text-sm text-slate-600">No earlier answers to show.</p>}
    </details>
  );
}
