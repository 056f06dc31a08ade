import { useTranslations } from "next-intl";
import type { Leaderboard } from "@/lib/results/leaderboard";
import { useFixed } from "./decimal";

/**
 * Bradley–Terry leaderboards (decision 029): per axis and over all axes, θ with its 95 % bootstrap
 * interval drawn as a bar on one shared scale, and the table behind it.
 */
export function LeaderboardTables({ boards, labels }: { boards: Leaderboard[]; labels: Map<string, string> }) {
  const values = boards.flatMap((b) => b.rows.flatMap((r) => [r.low ?? r.theta, r.high ?? r.theta]));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pct = (x: number) => (hi === lo ? 50 : ((x - lo) / (hi - lo)) * 100);
  const t = useTranslations("results.leaderboard");
  const fixed = useFixed();
  const fmt = (x: number | null) => (x === null ? "—" : (x >= 0 ? "+" : "−") + fixed(Math.abs(x), 2));
  return (
    <div className="space-y-5">
      {boards.map((board) => (
        <div key={board.axis ?? "(all)"} data-testid={`leaderboard-${board.axis ?? "all"}`}>
          <h3 className="mb-1 text-sm font-medium">
            {board.axis === null ? t("allAxes") : (labels.get(board.axis) ?? board.axis)}
            <span className="font-normal text-slate-600"> · {t("counts", { comparisons: board.comparisons, annotations: board.annotations })}</span>
          </h3>
          <table className="w-full text-start text-xs">
            <thead className="text-slate-500">
              <tr><th className="py-1 pe-3">{t("rank")}</th><th className="pe-3">{t("model")}</th><th className="pe-3">{t("theta")}</th><th className="w-1/3 pe-3" aria-label={t("strengthLabel")}>{t("strength")}</th><th className="pe-3">{t("record")}</th>{board.rows.some((r) => r.bestWorst) ? <th className="pe-3" title={t("bestWorstTitle")}>{t("bestWorst")}</th> : null}</tr>
            </thead>
            <tbody>
              {board.rows.map((r) => (
                <tr key={r.model} className="border-t border-slate-100" data-model={r.model}>
                  <td className="py-1 pe-3" data-col="rank">{r.rank}</td>
                  <td className="pe-3 font-medium">{r.model}</td>
                  <td className="pe-3 tabular-nums" data-col="theta">{fmt(r.theta)}{r.low !== null ? ` (${t("interval", { low: fmt(r.low), high: fmt(r.high) })})` : ""}</td>
                  <td className="pe-3" aria-hidden>
                    <div className="relative h-3 rounded bg-slate-100">
                      <div className="absolute top-0 h-3 border-s border-slate-400" style={{ left: `${pct(0)}%` }} />
                      {r.low !== null && r.high !== null ? <div className="absolute top-1 h-1 rounded bg-blue-300" style={{ left: `${pct(r.low)}%`, width: `${Math.max(0.5, pct(r.high) - pct(r.low))}%` }} /> : null}
                      <div className="absolute top-0 h-3 w-1 -translate-x-1/2 rounded bg-blue-800" style={{ left: `${pct(r.theta)}%` }} />
                    </div>
                  </td>
                  <td className="pe-3 tabular-nums">{r.wins} · {r.ties} · {r.losses}</td>
                  {r.bestWorst ? <td className="pe-3 tabular-nums" data-col="best-worst">{fmt(r.bestWorst.score)} <span className="text-slate-500">{t("bestWorstCounts", { best: String(r.bestWorst.best), worst: String(r.bestWorst.worst), shown: String(r.bestWorst.shown) })}</span></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <p className="text-xs text-slate-600">{t("method")}</p>
    </div>
  );
}
