"use client";
import { useTranslations } from "next-intl";
import { PlainText } from "@/components/ui/markdown";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { RegionLabel } from "@/lib/tools/regions/labels";
import type { RegionReview } from "@/lib/tools/regions/review-payload";
import { MODEL_VERDICTS, type ModelVerdict, type RegionShape, type Spacing } from "@/lib/tools/regions/shapes";
import { navClass } from "../../axis-input";
import { formatLength } from "./region-layer";

const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The reviewer's regions as a list: what each is, its label, the response sentence it shows, and
 * removal — everything the mouse does on the image, reachable by keyboard and screen reader.
 */
export function ShapeList({ shapes, labels, review, responseName, spacingOf, selected, readOnly, problemAt, onSelect, onChange, onDelete }: {
  shapes: RegionShape[];
  labels: RegionLabel[];
  review: RegionReview;
  responseName: (index: number) => string;
  spacingOf: (image: number) => Spacing | null;
  selected: string | null;
  readOnly: boolean;
  problemAt: Map<string, string>;
  onSelect: (id: string) => void;
  onChange: (id: string, patch: Partial<RegionShape>) => void;
  onDelete: (id: string) => void;
}) {
  const t = useTranslations("tools.regions");
  if (!shapes.length) return <p className="text-sm text-slate-600" data-testid="region-empty">{t("empty")}</p>;
  return (
    <ol className="space-y-1.5" data-testid="region-list">
      {shapes.map((s, i) => {
        const problem = problemAt.get(`regions.shapes.${i}`);
        const linkValue = s.link ? `${s.link.responseId}:${s.link.sentence}` : "";
        return (
          <li key={s.id} data-region-row={s.id} aria-current={selected === s.id || undefined}
            className={`flex flex-wrap items-center gap-2 rounded border p-1.5 text-sm ${selected === s.id ? "border-blue-600 bg-blue-50" : problem ? "border-red-400" : "border-slate-200"}`}>
            <button type="button" className="min-w-[8rem] text-start font-medium text-slate-800 underline-offset-2 hover:underline" onClick={() => onSelect(s.id)} aria-pressed={selected === s.id}>
              {t("shape", { n: i + 1, kind: t(`kinds.${s.kind}`), image: s.image + 1 })}
              {s.kind === "line" ? <span className="ms-1 font-normal text-slate-700" data-testid="region-length">{formatLength(s.points, spacingOf(s.image))}</span> : null}
            </button>
            {labels.length ? (
              <select aria-label={t("labelOf", { n: i + 1 })} className="rounded border border-slate-300 px-1 py-0.5 text-sm" value={s.label ?? ""} disabled={readOnly}
                onChange={(e) => onChange(s.id, { label: e.target.value || undefined })}>
                <option value="">{t("noLabel")}</option>
                {labels.map((l) => <option key={l.key} value={l.key}>{l.name}</option>)}
              </select>
            ) : null}
            <select aria-label={t("linkOf", { n: i + 1 })} className="max-w-[22rem] rounded border border-slate-300 px-1 py-0.5 text-sm" value={linkValue} disabled={readOnly}
              onChange={(e) => {
                const [responseId, sentence] = e.target.value.split(":");
                onChange(s.id, { link: responseId ? { responseId, sentence: Number(sentence) } : undefined });
              }}>
              <option value="">{t("noLink")}</option>
              {review.responses.map((r, n) => (
                <optgroup key={r.id} label={responseName(n)}>
                  {r.sentences.map((text, k) => <option key={k} value={`${r.id}:${k}`}>{`${k + 1}. ${clip(text)}`}</option>)}
                </optgroup>
              ))}
            </select>
            {readOnly ? null : <button type="button" className={`${secondaryButtonClass} !px-2 !py-0.5 text-xs`} onClick={() => onDelete(s.id)} aria-label={t("deleteOf", { n: i + 1 })}>{t("delete")}</button>}
            {problem ? <p className="w-full text-xs text-red-700" role="alert">{problem}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The models' own localizations, each a keyboard block (J/K, 1–3) with the reviewer's verdict. */
export function ModelRegionList({ review, verdicts, responseName, readOnly, problemAt, onVerdict, focusKey }: {
  review: RegionReview;
  verdicts: Record<string, Record<string, { verdict?: ModelVerdict }>>;
  responseName: (index: number) => string;
  readOnly: boolean;
  problemAt: Map<string, string>;
  onVerdict: (responseId: string, index: number, verdict: ModelVerdict) => void;
  focusKey: string | null;
}) {
  const t = useTranslations("tools.regions");
  const withRegions = review.responses.map((r, n) => ({ ...r, n })).filter((r) => r.modelRegions.length);
  if (!withRegions.length) return null;
  return (
    <div className="space-y-2" data-testid="model-regions">
      <h3 className="text-sm font-medium">{t("modelHeading")}</h3>
      {withRegions.map((r) => {
        const problem = problemAt.get(`regions.model.${r.id}`);
        return (
          <div key={r.id} className={`rounded border p-2 ${problem ? "border-red-400" : "border-slate-200"}`}>
            <p className="mb-1 text-sm text-slate-700">{responseName(r.n)}</p>
            <ol className="space-y-1">
              {r.modelRegions.map((m, i) => {
                const key = `${r.id}:${i}`;
                const tag = `${String.fromCharCode(65 + r.n)}${i + 1}`;
                const current = verdicts[r.id]?.[String(i)]?.verdict;
                return (
                  <li key={i} className={`flex flex-wrap items-center gap-2 rounded px-1 py-0.5 text-sm ${navClass} ${focusKey === key ? "bg-amber-50" : ""}`} data-nav="region-model" data-model-row={key} tabIndex={-1}>
                    <span className="font-mono text-xs text-amber-900">{tag}</span>
                    <span>{t("modelRegion", { kind: t(`kinds.${m.box ? "box" : m.polygon ? "polygon" : "point"}`), image: m.image + 1 })}</span>
                    {m.label ? <span className="rounded bg-slate-100 px-1 text-xs text-slate-700" dir="auto" data-testid="model-region-label"><PlainText text={m.label} /></span> : null}
                    {m.score !== undefined ? <span className="text-xs text-slate-600">{t("score", { score: Math.round(m.score * 100) })}</span> : null}
                    <span role="radiogroup" aria-label={t("verdictOf", { tag })} className="flex gap-1">
                      {MODEL_VERDICTS.map((v, k) => (
                        <label key={v} className={`cursor-pointer rounded-md border px-2 py-0.5 text-xs has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 ${current === v ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white"}`}>
                          <input type="radio" className="sr-only" name={`model-region-${key}`} checked={current === v} disabled={readOnly} data-option onChange={() => onVerdict(r.id, i, v)} />
                          <span className="me-1 hidden text-slate-400 sm:inline" aria-hidden>{k + 1}</span>
                          {t(`verdicts.${v}`)}
                        </label>
                      ))}
                    </span>
                  </li>
                );
              })}
            </ol>
            {problem ? <p className="mt-1 text-xs text-red-700" role="alert">{problem}</p> : null}
          </div>
        );
      })}
    </div>
  );
}
