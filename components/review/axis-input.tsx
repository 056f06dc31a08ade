"use client";
import type { ReviewAxis } from "@/lib/assignments/load-for-review";

type Value = string | number | boolean | null | undefined;

/** One rubric axis as native radio buttons (keyboard-operable, arrow keys move within the group). */
export function AxisInput({ axis, name, value, comment, onChange, onComment, problem }: {
  axis: ReviewAxis;
  name: string;
  value: Value;
  comment: string;
  onChange: (value: Value) => void;
  onComment: (text: string) => void;
  problem?: string;
}) {
  const options: Array<{ value: string | number | boolean; label: string; help?: string }> =
    axis.type === "BOOLEAN"
      ? [{ value: true, label: "Yes" }, { value: false, label: "No" }]
      : axis.type === "SCALE"
        ? Array.from({ length: (axis.max ?? 5) - (axis.min ?? 1) + 1 }, (_, i) => {
            const v = (axis.min ?? 1) + i;
            return { value: v, label: axis.options[i]?.label ?? String(v) };
          })
        : axis.options;
  return (
    <fieldset className={`rounded-md border p-3 ${problem ? "border-red-400 bg-red-50" : "border-slate-200"}`} data-axis={axis.key}>
      <legend className="px-1 text-sm font-medium">
        {axis.label}
        {axis.required ? <span className="text-red-700" aria-label="required"> *</span> : null}
      </legend>
      {axis.help ? <p className="mb-2 text-xs text-slate-600">{axis.help}</p> : null}
      {axis.type === "TEXT" ? (
        <textarea className="w-full rounded border border-slate-300 p-2 text-sm" rows={3} aria-label={axis.label}
          value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={axis.label}>
          {options.map((o) => {
            const checked = value === o.value;
            return (
              <label key={String(o.value)} title={o.help}
                className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 ${checked ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white hover:bg-slate-50"}`}>
                <input type="radio" className="sr-only" name={name} checked={checked} onChange={() => onChange(o.value)} />
                {o.label}
              </label>
            );
          })}
        </div>
      )}
      <details className="mt-2" open={comment.length > 0}>
        <summary className="cursor-pointer text-xs text-slate-500">Comment</summary>
        <textarea className="mt-1 w-full rounded border border-slate-300 p-2 text-sm" rows={2} aria-label={`${axis.label} comment`}
          value={comment} onChange={(e) => onComment(e.target.value)} />
      </details>
      {problem ? <p className="mt-1 text-xs text-red-700">{problem}</p> : null}
    </fieldset>
  );
}
