import type { JudgeCalibration } from "@/lib/judges/calibration";
import type { JudgeTargetCalibration } from "@/lib/judges/compare-judge";

// The results page's "Judge calibration" section (issue 9; decision 015): per judge and target the
// judge's agreement with the physicians beside the physicians' own (the ceiling), its bias, and on
// demand the confusion matrix and the units where judge and physicians differ most.

const f = (x: number) => x.toFixed(2);
// `of`, not spread props: the coefficients carry a `key` field, which React would read as the element key.
const Figure = ({ of: { value, interval, reason } }: { of: { value: number | null; interval?: { low: number; high: number } | null; reason?: string | null } }) =>
  value === null ? (
    <span className="text-slate-500" title={reason ?? undefined}>undefined</span>
  ) : (
    <>{f(value)}{interval ? <span className="text-slate-500"> ({f(interval.low)}–{f(interval.high)})</span> : null}</>
  );

const show = (v: unknown) => (typeof v === "boolean" ? (v ? "yes / met" : "no / not met") : String(v));

/** `itemHref`: where an item opens with all its annotations (the item browser), for those who may see it. */
function Details({ t, itemHref }: { t: JudgeTargetCalibration; itemHref?: (itemId: string) => string }) {
  return (
    <details className="mb-2 text-xs">
      <summary className="cursor-pointer text-blue-800">{t.judge} · {t.label}: confusion matrix and largest disagreements</summary>
      <table className="my-2 text-start" data-testid="judge-confusion" data-target={t.target}>
        <thead className="text-slate-500">
          <tr><th className="pe-3">Judge ↓ · physician →</th>{t.confusion.categories.map((c) => <th key={c.value} className="pe-3">{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {t.confusion.categories.map((row, a) => (
            <tr key={row.value} className="border-t border-slate-100">
              <th className="pe-3 font-normal text-slate-600">{row.label}</th>
              {t.confusion.counts[a].map((n, b) => <td key={b} className={`pe-3 ${a === b ? "font-medium" : ""}`}>{n}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {t.disagreements.length ? (
        <table className="w-full text-start" data-testid="judge-disagreements">
          <thead className="text-slate-500">
            <tr><th className="py-1 pe-3">Item (external id)</th><th className="pe-3">Model</th><th className="pe-3">Judge</th><th className="pe-3">Physicians</th><th className="pe-3">Gap</th><th>Judge&apos;s rationale</th></tr>
          </thead>
          <tbody>
            {t.disagreements.map((d) => (
              <tr key={`${d.itemId}-${d.model}-${d.criterion}`} className="border-t border-slate-100 align-top">
                <td className="py-1 pe-3 font-mono">
                  {itemHref ? <a className="text-blue-800 hover:underline" href={itemHref(d.itemId)}>{d.externalId}</a> : d.externalId}
                  {d.criterion !== null ? ` · criterion ${d.criterion}` : ""}
                </td>
                <td className="pe-3">{d.model}</td>
                <td className="pe-3">{show(d.judge)}</td>
                <td className="pe-3">{d.physicians.map(show).join(", ")}</td>
                <td className="pe-3">{f(d.gap)}</td>
                <td className="max-w-md whitespace-pre-wrap text-slate-600">{d.rationale ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="text-slate-600">The judge agrees with every physician on every compared unit.</p>}
    </details>
  );
}

export function JudgeCalibrationSection({ calibration, itemHref }: { calibration: JudgeCalibration; itemHref?: (itemId: string) => string }) {
  const { targets } = calibration;
  return (
    <>
      {targets.length ? (
        <table className="mb-3 w-full text-start text-xs" data-testid="judge-calibration">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 pe-3">Judge</th><th className="pe-3">Target</th>
              <th className="pe-3" title="Units compared (judge and at least one physician) · judge–physician pairs · physicians">Units · pairs · physicians</th>
              <th className="pe-3">Cohen κ vs each physician</th><th className="pe-3">κ (quadratic)</th>
              <th className="pe-3">α physicians (ceiling)</th><th className="pe-3">α with judge</th>
              <th className="pe-3" title="Judge − physicians' mean per unit; yes / met = 1">Bias</th>
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
        <p className="mb-3 text-sm text-slate-600">No judge values on the items these filters select ({calibration.judges.length ? calibration.judges.join(", ") : "none"}).</p>
      )}
      {targets.filter((t) => t.units).map((t) => <Details key={`${t.judge}-${t.target}`} t={t} itemHref={itemHref} />)}
      <p className="mt-2 text-xs text-slate-600">
        The judge is compared with each physician who rated the same response (or response and criterion): Cohen’s kappa over all judge–physician
        pairs (Cohen 1960; weighted, Cohen 1968), with 95 % percentile bootstrap intervals that draw whole units, so the pairs of one unit stay together.
        Krippendorff’s alpha (2011) on the same units without the judge is the physicians’ own agreement — the ceiling — and with the judge as one more
        rater. Bias: the judge’s value minus the physicians’ mean per unit (scales as numbers, yes / met as 1), mean with a 95 % Student-t interval over
        units. “N/A” values are left out. Items are named by their external id; admins open each one with all its annotations. Judges’ values are never shown to reviewers.
      </p>
    </>
  );
}
