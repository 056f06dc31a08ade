import { useTranslations } from "next-intl";
import type { JudgeCalibration } from "@/lib/judges/calibration";
import type { JudgeTargetCalibration } from "@/lib/judges/compare-judge";
import { useFixed } from "./decimal";

// The results page's "Judge calibration" section (issue 9; decision 015): per judge and target the
// judge's agreement with the physicians beside the physicians' own (the ceiling), its bias, and on
// demand the confusion matrix and the units where judge and physicians differ most.

// `of`, not spread props: the coefficients carry a `key` field, which React would read as the element key.
function Figure({ of: { value, interval, reason } }: { of: { value: number | null; interval?: { low: number; high: number } | null; reason?: string | null } }) {
  const t = useTranslations("results.agreement");
  const fixed = useFixed();
  const f = (x: number) => fixed(x, 2);
  return value === null ? (
    <span className="text-slate-500" title={reason ?? undefined}>{t("undefined")}</span>
  ) : (
    <>{f(value)}{interval ? <span className="text-slate-500"> ({f(interval.low)}–{f(interval.high)})</span> : null}</>
  );
}

type Translate = ReturnType<typeof useTranslations<"results.judges">>;

const showValue = (tr: Translate) => (v: unknown) => (typeof v === "boolean" ? (v ? tr("yesMet") : tr("noNotMet")) : String(v));

/** The confusion matrix's categories: yes / no and met / not met are the app's words (translated), the rest the rubric's. */
function categoryLabel(tr: Translate, target: JudgeTargetCalibration, c: { value: string; label: string }): string {
  if (c.value !== "true" && c.value !== "false") return c.label;
  if (target.kind === "criteria") return c.value === "true" ? tr("met") : tr("notMet");
  if (c.label === "Yes" || c.label === "No") return c.value === "true" ? tr("yes") : tr("no");
  return c.label;
}

/** `itemHref`: where an item opens with all its annotations (the item browser), for those who may see it. */
function Details({ t, itemHref }: { t: JudgeTargetCalibration; itemHref?: (itemId: string) => string }) {
  const tr = useTranslations("results.judges");
  const fixed = useFixed();
  const show = showValue(tr);
  return (
    <details className="mb-2 text-xs">
      <summary className="cursor-pointer text-blue-800">{tr("details", { judge: t.judge, target: t.label })}</summary>
      <table className="my-2 text-start" data-testid="judge-confusion" data-target={t.target}>
        <thead className="text-slate-500">
          <tr><th className="pe-3">{tr("confusionCorner")}</th>{t.confusion.categories.map((c) => <th key={c.value} className="pe-3">{categoryLabel(tr, t, c)}</th>)}</tr>
        </thead>
        <tbody>
          {t.confusion.categories.map((row, a) => (
            <tr key={row.value} className="border-t border-slate-100">
              <th className="pe-3 font-normal text-slate-600">{categoryLabel(tr, t, row)}</th>
              {t.confusion.counts[a].map((n, b) => <td key={b} className={`pe-3 ${a === b ? "font-medium" : ""}`}>{n}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {t.disagreements.length ? (
        <table className="w-full text-start" data-testid="judge-disagreements">
          <thead className="text-slate-500">
            <tr><th className="py-1 pe-3">{tr("item")}</th><th className="pe-3">{tr("model")}</th><th className="pe-3">{tr("judge")}</th><th className="pe-3">{tr("physicians")}</th><th className="pe-3">{tr("gap")}</th><th>{tr("rationale")}</th></tr>
          </thead>
          <tbody>
            {t.disagreements.map((d) => (
              <tr key={`${d.itemId}-${d.model}-${d.criterion}`} className="border-t border-slate-100 align-top">
                <td className="py-1 pe-3 font-mono">
                  {itemHref ? <a className="text-blue-800 hover:underline" href={itemHref(d.itemId)}>{d.externalId}</a> : d.externalId}
                  {d.criterion !== null ? ` · ${tr("criterion", { number: String(d.criterion) })}` : ""}
                </td>
                <td className="pe-3">{d.model}</td>
                <td className="pe-3">{show(d.judge)}</td>
                <td className="pe-3">{d.physicians.map(show).join(", ")}</td>
                <td className="pe-3">{fixed(d.gap, 2)}</td>
                <td className="max-w-md whitespace-pre-wrap text-slate-600">{d.rationale ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="text-slate-600">{tr("noDisagreements")}</p>}
    </details>
  );
}

export function JudgeCalibrationSection({ calibration, itemHref }: { calibration: JudgeCalibration; itemHref?: (itemId: string) => string }) {
  const { targets } = calibration;
  const tr = useTranslations("results.judges");
  return (
    <>
      {targets.length ? (
        <table className="mb-3 w-full text-start text-xs" data-testid="judge-calibration">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 pe-3">{tr("judge")}</th><th className="pe-3">{tr("target")}</th>
              <th className="pe-3" title={tr("basisTitle")}>{tr("basis")}</th>
              <th className="pe-3">{tr("kappa")}</th><th className="pe-3">{tr("kappaQuadratic")}</th>
              <th className="pe-3">{tr("alphaPhysicians")}</th><th className="pe-3">{tr("alphaWithJudge")}</th>
              <th className="pe-3" title={tr("biasTitle")}>{tr("bias")}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => {
              const kappa = t.kappa.find((k) => k.weighting === "unweighted");
              const quadratic = t.kappa.find((k) => k.weighting === "quadratic");
              return (
                <tr key={`${t.judge}-${t.target}`} className="border-t border-slate-100" data-judge={t.judge} data-target={t.target}>
                  <td className="py-1 pe-3 font-medium">{t.judge}</td>
                  <td className="pe-3">{t.label}</td>
                  <td className="pe-3" data-col="basis">{t.units} · {t.pairs} · {t.physicians}</td>
                  <td className="pe-3" data-col="kappa">{kappa ? <Figure of={kappa} /> : "—"}</td>
                  <td className="pe-3">{quadratic ? <Figure of={quadratic} /> : "—"}</td>
                  <td className="pe-3">{t.alphaPhysicians ? <Figure of={t.alphaPhysicians} /> : "—"}</td>
                  <td className="pe-3">{t.alphaWithJudge ? <Figure of={t.alphaWithJudge} /> : "—"}</td>
                  <td className="pe-3" data-col="bias">{t.bias?.mean != null ? <Figure of={{ value: t.bias.mean, interval: t.bias.low !== null && t.bias.high !== null ? { low: t.bias.low, high: t.bias.high } : null }} /> : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="mb-3 text-sm text-slate-600">{tr("noValues", { judges: calibration.judges.length ? calibration.judges.join(", ") : tr("none") })}</p>
      )}
      {targets.filter((t) => t.units).map((t) => <Details key={`${t.judge}-${t.target}`} t={t} itemHref={itemHref} />)}
      <p className="mt-2 text-xs text-slate-600">{tr("method")}</p>
    </>
  );
}
