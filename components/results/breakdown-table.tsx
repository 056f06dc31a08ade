import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Breakdown } from "@/lib/results/breakdown";
import { percentWithInterval } from "@/lib/results/format";
import { useFixed } from "./decimal";

/** Per value of one analysis field, per model: each axis's best-bin share (or mean), each value linking to the narrowed results. */
export function BreakdownTable({ breakdown, hrefOf }: { breakdown: Breakdown; hrefOf: (segment: string) => string }) {
  const t = useTranslations("results.page.breakdown");
  const fixed = useFixed();
  return (
    <table className="w-full text-start text-xs" data-testid="breakdown" data-field={breakdown.field}>
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 pe-3">{t("segment")}</th>
          <th className="pe-3">{t("model")}</th>
          <th className="pe-3">{t("annotations")}</th>
          {breakdown.axes.map((a) => <th key={a.key} className="pe-3"><bdi>{a.label}</bdi></th>)}
        </tr>
      </thead>
      <tbody>
        {breakdown.rows.map((r) => (
          <tr key={`${r.segment}\u0000${r.model}`} className="border-t border-slate-100" data-segment={r.segment} data-model={r.model ?? ""}>
            <td className="py-1 pe-3"><Link className="text-blue-800 underline" href={hrefOf(r.segment)}><bdi>{r.label}</bdi></Link></td>
            <td className="pe-3 font-medium">{r.model ?? t("itemAxis")}</td>
            <td className="pe-3">{r.annotations}</td>
            {breakdown.axes.map((a) => {
              const f = r.figures[a.key];
              return <td key={a.key} className="pe-3" data-axis={a.key}>{!f ? "–" : f.kind === "best" ? percentWithInterval(f.share) : `${fixed(f.mean, 2)} (n ${f.n})`}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
