import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import type { EarlierRound } from "@/lib/assignments/earlier-round";
import { useResponseName } from "./response-name";

/** A Delphi-style round: the group's earlier answers to this item, counted and anonymized, before the reviewer rates again. */
export function EarlierRoundPanel({ round }: { round: EarlierRound }) {
  const t = useTranslations("review.earlierRound");
  const tAxis = useTranslations("review.axis");
  const responseName = useResponseName();
  // lib/assignments/earlier-round.ts names targets and its own answers in English: "Response A", "Item",
  // "Pair", "Tie", "Yes", "No", "Cannot rate / N/A" (rubric option labels stay as written).
  const target = (s: string) => (s === "Item" ? t("item") : s === "Pair" ? t("pair") : responseName(s));
  const OWN: Record<string, string> = { Tie: t("tie"), Yes: tAxis("yes"), No: tAxis("no"), "Cannot rate / N/A": tAxis("notApplicable") };
  const answer = (s: string) => (s.split("; ").map((part) => OWN[part] ?? responseName(part)).join("; "));
  return (
    <details open className={`${cardClass} mb-4`} data-testid="earlier-round">
      <summary className="cursor-pointer font-medium">{t("summary", { count: round.reviews })}</summary>
      <p className="mt-1 text-xs text-slate-600">{t("intro")}</p>
      {round.rows.length ? (
        <table className="mt-2 text-start text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:py-1 [&_td]:pe-4">
          <tbody>
            {round.rows.map((row) => (
              <tr key={`${row.target}·${row.axis}`}>
                <td className="text-slate-600">{target(row.target)} · {row.axis}</td>
                <td>{row.counts.map((c) => `${answer(c.answer)} × ${c.n}`).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="mt-1 text-sm text-slate-600">{t("none")}</p>}
    </details>
  );
}
