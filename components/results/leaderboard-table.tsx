import type { Leaderboard } from "@/lib/results/leaderboard";

const fmt = (x: number | null) => (x === null ? "—" : (x >= 0 ? "+" : "−") + Math.abs(x).toFixed(2));

/**
 * Bradley–Terry leaderboards (decision 029): per axis and over all axes, θ with its 95 % bootstrap
 * interval drawn as a bar on one shared scale, and the table behind it.
 */
export function LeaderboardTables({ boards, labels }: { boards: Leaderboard[]; labels: Map<string, string> }) {
  const values = boards.flatMap((b) => b.rows.flatMap((r) => [r.low ?? r.theta, r.high ?? r.theta]));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pct = (x: number) => (hi === lo ? 50 : ((x - lo) / (hi - lo)) * 100);
  return (
    <div className="space-y-5">
      {boards.map((board) => (
        <div key={board.axis ?? "(all)"} data-testid={`leaderboard-${board.axis ?? "all"}`}>
          <h3 className="mb-1 text-sm font-medium">
            {board.axis === null ? "All pairwise and ranking axes together" : (labels.get(board.axis) ?? board.axis)}
            <span className="font-normal text-slate-600"> · {board.comparisons} comparisons from {board.annotations} annotations</span>
          </h3>
          <table className="w-full text-start text-xs">
            <thead className="text-slate-500">
              <tr><th className="py-1 pe-3">Rank</th><th className="pe-3">Model</th><th className="pe-3">θ (95 % CI)</th><th className="w-1/3 pe-3" aria-label="θ and interval on a shared scale">Strength</th><th className="pe-3">Won · tied · lost</th>{board.rows.some((r) => r.bestWorst) ? <th className="pe-3" title="(times best − times worst) ÷ times shown">Best − worst</th> : null}</tr>
            </thead>
            <tbody>
              {board.rows.map((r) => (
                <tr key={r.model} className="border-t border-slate-100" data-model={r.model}>
                  <td className="py-1 pe-3" data-col="rank">{r.rank}</td>
                  <td className="pe-3 font-medium">{r.model}</td>
                  <td className="pe-3 tabular-nums" data-col="theta">{fmt(r.theta)}{r.low !== null ? ` (${fmt(r.low)} to ${fmt(r.high)})` : ""}</td>
                  <td className="pe-3" aria-hidden>
                    <div className="relative h-3 rounded bg-slate-100">
                      <div className="absolute top-0 h-3 border-s border-slate-400" style={{ left: `${pct(0)}%` }} />
                      {r.low !== null && r.high !== null ? <div className="absolute top-1 h-1 rounded bg-blue-300" style={{ left: `${pct(r.low)}%`, width: `${Math.max(0.5, pct(r.high) - pct(r.low))}%` }} /> : null}
                      <div className="absolute top-0 h-3 w-1 -translate-x-1/2 rounded bg-blue-800" style={{ left: `${pct(r.theta)}%` }} />
                    </div>
                  </td>
                  <td className="pe-3 tabular-nums">{r.wins} · {r.ties} · {r.losses}</td>
                  {r.bestWorst ? <td className="pe-3 tabular-nums" data-col="best-worst">{fmt(r.bestWorst.score)} <span className="text-slate-500">({r.bestWorst.best} best, {r.bestWorst.worst} worst of {r.bestWorst.shown})</span></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <p className="text-xs text-slate-600">
        Bradley–Terry strengths (Bradley &amp; Terry, Biometrika 1952), fitted by Hunter&apos;s MM algorithm (Ann Stat 2004) from every pairwise judgment and every
        ranking (each two ranked responses are one comparison), after each axis&apos;s polarity; a tie is half a win to each side, and each model carries a prior of
        one drawn comparison with a reference. θ is the log strength centred on the mean: θᵢ − θⱼ is the log-odds that i is judged better than j. 95 % percentile
        bootstrap intervals over annotations (1,000 resamples, seeded), so the pairs of one ranking stay together.
      </p>
    </div>
  );
}
