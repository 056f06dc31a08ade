import type { AxisAgreementResult } from "@/lib/results/agreement-results";
import type { AxisAgreement, CoefficientKey } from "@/lib/stats/axis-agreement";

const COLUMNS: Array<[CoefficientKey, string]> = [
  ["krippendorff_alpha", "Krippendorff α"],
  ["cohen_kappa", "Cohen κ"],
  ["cohen_kappa_quadratic", "Cohen κ (quadratic)"],
  ["fleiss_kappa", "Fleiss κ"],
  ["gwet_ac1", "Gwet AC1"],
  ["gwet_ac2_quadratic", "Gwet AC2 (quadratic)"],
  ["percent_agreement", "% agreement"],
];

function Cell({ agreement, column }: { agreement: AxisAgreement; column: CoefficientKey }) {
  const c = agreement.coefficients.find((x) => x.key === column);
  if (!c) return <td className="pe-3 text-slate-400" title="Does not apply to this axis or number of raters">—</td>;
  if (c.value === null) return <td className="pe-3 text-slate-500" title={c.reason ?? undefined} data-coefficient={column}>undefined</td>;
  const f = (x: number) => x.toFixed(2);
  return (
    <td className="pe-3" data-coefficient={column} title={`${c.label}. ${c.citation}`}>
      {f(c.value)}{c.interval ? <span className="text-slate-500"> ({f(c.interval.low)}–{f(c.interval.high)})</span> : null}
    </td>
  );
}

/** Agreement per axis: every applicable coefficient with its bootstrap interval and what stands behind it. */
export function AgreementTable({ rows, which }: { rows: AxisAgreementResult[]; which: "inter" | "intra" }) {
  const shown = rows.filter((r) => r[which] || (which === "inter" && r.skipped));
  return (
    <table className="w-full text-start text-xs" data-testid={`${which}-agreement`}>
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 pe-3">Axis</th>
          <th className="pe-3">Level</th>
          <th className="pe-3" title="Units rated at least twice (of all units), raters, N/A values left out">Pairable units · raters · N/A</th>
          {COLUMNS.map(([key, label]) => <th key={key} className="pe-3">{label}</th>)}
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => {
          const a = r[which];
          return (
            <tr key={r.axis} className="border-t border-slate-100" data-axis={r.axis}>
              <td className="py-1 pe-3">{r.label}</td>
              {a ? (
                <>
                  <td className="pe-3">{a.level}</td>
                  <td className="pe-3" data-col="basis">{a.basis.pairableUnits} of {a.basis.units} · {a.basis.raters} · {a.basis.notApplicable}</td>
                  {COLUMNS.map(([key]) => <Cell key={key} agreement={a} column={key} />)}
                </>
              ) : (
                <td className="pe-3 text-slate-500" colSpan={2 + COLUMNS.length}>{r.skipped}</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
