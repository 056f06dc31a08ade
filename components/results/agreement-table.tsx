import { useTranslations } from "next-intl";
import type { AxisAgreementResult } from "@/lib/results/agreement-results";
import type { AxisAgreement, CoefficientKey } from "@/lib/stats/axis-agreement";
import { useFixed } from "./decimal";

const COLUMNS = ["krippendorff_alpha", "cohen_kappa", "cohen_kappa_quadratic", "fleiss_kappa", "gwet_ac1", "gwet_ac2_quadratic", "percent_agreement"] as const satisfies readonly CoefficientKey[];

function Cell({ agreement, column }: { agreement: AxisAgreement; column: CoefficientKey }) {
  const t = useTranslations("results.agreement");
  const fixed = useFixed();
  const c = agreement.coefficients.find((x) => x.key === column);
  if (!c) return <td className="pe-3 text-slate-400" title={t("notApplicable")}>—</td>;
  // `reason` is the statistics library's own English sentence.
  if (c.value === null) return <td className="pe-3 text-slate-500" title={c.reason ?? undefined} data-coefficient={column}>{t("undefined")}</td>;
  const f = (x: number) => fixed(x, 2);
  const label = t(`coefficients.${column}`, { level: t(`levels.${agreement.level}`) });
  return (
    <td className="pe-3" data-coefficient={column} title={`${label}. ${c.citation}`}>
      {f(c.value)}{c.interval ? <span className="text-slate-500"> ({f(c.interval.low)}–{f(c.interval.high)})</span> : null}
    </td>
  );
}

/** Agreement per axis: every applicable coefficient with its bootstrap interval and what stands behind it. */
export function AgreementTable({ rows, which }: { rows: AxisAgreementResult[]; which: "inter" | "intra" }) {
  const t = useTranslations("results.agreement");
  const shown = rows.filter((r) => r[which] || (which === "inter" && r.skipped));
  return (
    <table className="w-full text-start text-xs" data-testid={`${which}-agreement`}>
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 pe-3">{t("axis")}</th>
          <th className="pe-3">{t("level")}</th>
          <th className="pe-3" title={t("basisTitle")}>{t("basis")}</th>
          {COLUMNS.map((key) => <th key={key} className="pe-3">{t(`columns.${key}`)}</th>)}
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
                  <td className="pe-3">{t(`levels.${a.level}`)}</td>
                  <td className="pe-3" data-col="basis">{t("pairable", { pairable: String(a.basis.pairableUnits), units: String(a.basis.units) })} · {a.basis.raters} · {a.basis.notApplicable}</td>
                  {COLUMNS.map((key) => <Cell key={key} agreement={a} column={key} />)}
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
