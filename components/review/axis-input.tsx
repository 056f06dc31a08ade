"use client";
import { useTranslations } from "next-intl";
import type { ReviewAxis } from "@/lib/assignments/load-for-review";
import type { RatingValue } from "@/lib/annotations/schema";
import { displayOptions, type DisplayOption } from "@/lib/rubrics/display-options";
import { TextLimit } from "./text-limit";
import { OriginalWording } from "./original-wording";

type Value = RatingValue | undefined;

/** Same limit as the annotation schema's comments (lib/annotations/schema.ts). */
const COMMENT_MAX = 20_000;

/** Focus ring shared by every keyboard-navigable block of the review form (`data-nav`). */
export const navClass = "outline-none focus:ring-2 focus:ring-blue-500 focus:ring-offset-1";

/** The axis's answers as laid out on screen (yes/no always Yes, No; lib/rubrics/display-options.ts). */
export const optionsOf = displayOptions;

/** Marks the rubric's best answer in words, not colour alone. */
function BestMark() {
  const t = useTranslations("review.axis");
  return (
    <span className="ms-1 rounded bg-emerald-50 px-1 text-xs text-emerald-800" title={t("bestTitle")}>
      ✓<span className="sr-only"> {t("bestAnswer")}</span><span aria-hidden> {t("best")}</span>
    </span>
  );
}

const chip = (checked: boolean) =>
  `cursor-pointer rounded-md border px-3 py-1.5 text-sm has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 ${checked ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white hover:bg-slate-50"}`;

/**
 * One rubric axis: native radios (or checkboxes for a multi-select choice), so the browser's own
 * keyboard handling works; the form adds J/K and number keys on top (data-nav / data-key).
 */
export function AxisInput({ axis, name, value, comment, onChange, onComment, problem, optionLabels, badge, footer }: {
  axis: ReviewAxis;
  name: string;
  value: Value;
  comment: string;
  onChange: (value: Value) => void;
  /** Without onComment the axis has no comment box (e.g. confidence). */
  onComment?: (text: string) => void;
  problem?: string;
  /** A short tag beside the label (pairwise "choosing = worse"). */
  badge?: string;
  /** Overrides option labels (pairwise: "Response A" etc.). */
  optionLabels?: Record<string, string>;
  /** Shown under the options (a suggestion for this axis). */
  footer?: React.ReactNode;
}) {
  const t = useTranslations("review.axis");
  // Yes / No of a yes-no axis and "Cannot rate / N/A" are the app's words (lib/rubrics/display-options.ts),
  // not the rubric's: shown in the reader's language. Rubric option labels stay as written.
  const labelOf = (o: DisplayOption) =>
    axis.type === "BOOLEAN" && typeof o.value === "boolean" ? (o.value ? t("yes") : t("no")) : o.value === "na" && o.key === "na" ? t("notApplicable") : o.label;
  const multi = axis.type === "CHOICE" && (axis.max ?? 1) > 1;
  const options = optionsOf(axis);
  const selected = Array.isArray(value) ? value : [];
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  const toggle = (v: string) => onChange(selected.includes(v) ? selected.filter((s) => s !== v) : [...selected, v]);

  return (
    <fieldset className={`rounded-md border p-3 ${navClass} ${problem ? "border-red-400 bg-red-50" : "border-slate-200"}`} data-axis={axis.key} data-nav="axis" tabIndex={-1}>
      <legend className="px-1 text-sm font-medium">
        {/* Rubric wording is data in its own language: <bdi> and dir="auto" keep its punctuation in place in the other direction. */}
        <bdi>{axis.label}</bdi>
        {axis.required ? <span className="text-red-700" aria-label={t("required")}> *</span> : null}
        {badge ? <span className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">{badge}</span> : null}
      </legend>
      {axis.help ? <p className="mb-2 text-xs text-slate-600" dir="auto">{axis.help}</p> : null}
      {axis.original ? <OriginalWording original={axis.original} /> : null}
      {axis.type === "TEXT" ? (
        <>
          <textarea className="w-full rounded border border-slate-300 p-2 text-sm" rows={3} aria-label={axis.label} maxLength={axis.maxLength}
            value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />
          <TextLimit length={typeof value === "string" ? value.length : 0} max={axis.maxLength} />
        </>
      ) : multi ? (
        <div className="space-y-2" role="group" aria-label={axis.label}>
          {groups.map((group) => (
            <div key={group}>
              {group ? <p className="mb-1 text-xs font-semibold text-slate-500">{group}</p> : null}
              <div className="flex flex-wrap gap-2">
                {options.filter((o) => (o.group ?? "") === group).map((o) => (
                  <label key={String(o.value)} title={o.help} className={chip(selected.includes(String(o.value)))}>
                    <input type="checkbox" className="sr-only" checked={selected.includes(String(o.value))} onChange={() => toggle(String(o.value))} data-option />
                    <bdi>{labelOf(o)}</bdi>
                    {o.isBest ? <BestMark /> : null}
                  </label>
                ))}
              </div>
            </div>
          ))}
        </div>
      ) : (
        <div className={axis.pickSentence ? "flex max-h-72 flex-col gap-1 overflow-y-auto" : "flex flex-wrap gap-2"} role="radiogroup" aria-label={axis.label}>
          {options.map((o, i) => {
            const checked = value === o.value;
            return (
              <label key={String(o.value)} title={o.help} className={chip(checked)}>
                <input type="radio" className="sr-only" name={name} checked={checked} onChange={() => onChange(o.value)} data-option data-key={o.key ?? (o.value === "tie" ? "t" : String(o.value).toLowerCase())} />
                <span className="me-1 hidden text-xs text-slate-400 sm:inline" aria-hidden>{i + 1}</span>
                <bdi>{optionLabels?.[String(o.value)] ?? labelOf(o)}</bdi>
                {o.isBest ? <BestMark /> : null}
              </label>
            );
          })}
        </div>
      )}
      {footer}
      {!axis.required && axis.type !== "TEXT" && value !== undefined && value !== null && !(Array.isArray(value) && !value.length) ? (
        <button type="button" className="mt-1 text-xs text-blue-800 underline" onClick={() => onChange(null)} data-testid="clear-answer">{t("clear")}</button>
      ) : null}
      {onComment ? (
        <details className="mt-2" open={comment.length > 0} data-comment>
          <summary className="cursor-pointer text-xs text-slate-500">{t("comment")}</summary>
          <textarea className="mt-1 w-full rounded border border-slate-300 p-2 text-sm" rows={2} aria-label={t("commentLabel", { axis: axis.label })} maxLength={COMMENT_MAX}
            value={comment} onChange={(e) => onComment(e.target.value)} />
          <TextLimit length={comment.length} max={COMMENT_MAX} />
        </details>
      ) : null}
      {problem ? <p className="mt-1 text-xs text-red-700">{problem}</p> : null}
    </fieldset>
  );
}
