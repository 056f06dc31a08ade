"use client";
import { startTransition, useActionState, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { saveRubricAction } from "@/app/projects/rubric-actions";
import { AxisInput } from "@/components/review/axis-input";
import { FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import type { RatingValue } from "@/lib/annotations/schema";
import { axisForPreview, describeRubricIssues, rubricDocumentSchema, type RubricAxisDocument, type RubricDocument } from "@/lib/rubrics/rubric-document";

const TYPES: Array<RubricAxisDocument["type"]> = ["SCALE", "CHOICE", "BOOLEAN", "TEXT"];
const TARGETS: Array<RubricAxisDocument["appliesTo"]> = ["RESPONSE", "ITEM", "PAIR", "RANKING", "BEST_WORST", "TURN"];
/** Axes whose options are the item's responses: a ranking, or best–worst. */
const picksResponses = (t: RubricAxisDocument["appliesTo"]) => t === "RANKING" || t === "BEST_WORST";

/** The labels a new axis or option starts with, in the editor's language (the manager edits them; they are the rubric's wording once saved). */
type Defaults = { newAxis: string; responseA: string; tie: string; responseB: string; yes: string; no: string };

function scaleOptions(min: number, max: number, old: RubricAxisDocument["options"]) {
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => ({ value: String(min + i), label: old[i]?.label ?? String(min + i) }));
}

function newAxis(taken: Set<string>, defaults: Defaults): RubricAxisDocument {
  let n = taken.size + 1;
  while (taken.has(`axis_${n}`)) n++;
  return { key: `axis_${n}`, label: defaults.newAxis, help: "", type: "SCALE", appliesTo: "RESPONSE", required: true, options: scaleOptions(1, 5, []), min: 1, max: 5, polarity: "HIGHER_IS_BETTER", allowsNotApplicable: false };
}

/** The axis after a type or target change: options and ranges that fit the new shape. */
function reshape(axis: RubricAxisDocument, change: Partial<RubricAxisDocument>, defaults: Defaults): RubricAxisDocument {
  const next = { ...axis, ...change };
  const yesNo = [{ value: "yes", label: defaults.yes }, { value: "no", label: defaults.no }];
  if (change.appliesTo === "PAIR") return { ...next, type: "CHOICE", options: [{ value: "A", label: defaults.responseA }, { value: "tie", label: defaults.tie }, { value: "B", label: defaults.responseB }], min: undefined, max: undefined, best: undefined };
  // A ranking orders the item's responses: it has no options, range, best answer or N/A of its own.
  if (change.appliesTo && picksResponses(change.appliesTo)) return { ...next, type: "CHOICE", options: [], min: undefined, max: undefined, best: undefined, allowsNotApplicable: false, optionsFrom: undefined };
  if (change.appliesTo && (axis.appliesTo === "PAIR" || picksResponses(axis.appliesTo))) {
    const base = { ...next, polarity: "HIGHER_IS_BETTER" as const };
    return next.type === "CHOICE" ? { ...base, options: yesNo } : base;
  }
  if (change.type && change.type !== axis.type) {
    const base = { ...next, best: undefined, min: undefined, max: undefined, optionsFrom: undefined };
    if (change.type === "SCALE") return { ...base, min: 1, max: 5, options: scaleOptions(1, 5, []) };
    if (change.type === "CHOICE") return { ...base, options: yesNo };
    return { ...base, options: [] };
  }
  return next;
}

/**
 * Add, reorder and edit a rubric's axes; preview them exactly as reviewers see them (the review
 * form's own AxisInput); import and export the rubric as JSON. Saving edits the version in place
 * while no batch uses it, and otherwise creates the next version (lib/rubrics/rubric-versions.ts).
 */
export function RubricEditor({ slug, version, inUse, initial }: { slug: string; version: number; inUse: number; initial: RubricDocument }) {
  const [doc, setDoc] = useState<RubricDocument>(initial);
  const [preview, setPreview] = useState(false);
  const [previewValues, setPreviewValues] = useState<Record<string, RatingValue | undefined>>({});
  const [importMessage, setImportMessage] = useState<string | null>(null);
  const [state, action, pending] = useActionState(saveRubricAction, null);
  const t = useTranslations("project.rubric");
  const defaults: Defaults = { newAxis: t("defaults.newAxis"), responseA: t("defaults.responseA"), tie: t("defaults.tie"), responseB: t("defaults.responseB"), yes: t("defaults.yes"), no: t("defaults.no") };
  const parsed = useMemo(() => rubricDocumentSchema.safeParse(doc), [doc]);
  const issues = parsed.success ? [] : describeRubricIssues(parsed.error);

  const setAxis = (i: number, change: Partial<RubricAxisDocument>) => setDoc((d) => ({ ...d, axes: d.axes.map((a, j) => (j === i ? reshape(a, change, defaults) : a)) }));
  const move = (i: number, by: number) =>
    setDoc((d) => {
      const axes = [...d.axes];
      const [axis] = axes.splice(i, 1);
      axes.splice(Math.min(axes.length, Math.max(0, i + by)), 0, axis);
      return { ...d, axes };
    });
  const remove = (i: number) => setDoc((d) => ({ ...d, axes: d.axes.filter((_, j) => j !== i) }));
  const add = () => setDoc((d) => ({ ...d, axes: [...d.axes, newAxis(new Set(d.axes.map((a) => a.key)), defaults)] }));

  const importFile = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setImportMessage(t("notJson", { file: file.name }));
      return;
    }
    const result = rubricDocumentSchema.safeParse(json);
    if (!result.success) {
      setImportMessage(t("notRubric", { file: file.name, issues: describeRubricIssues(result.error).join(" ") }));
      return;
    }
    setDoc(result.data);
    setImportMessage(t("loaded", { count: result.data.axes.length, file: file.name }));
  };

  const save = () => {
    const data = new FormData();
    data.set("slug", slug);
    data.set("baseVersion", String(version));
    data.set("document", JSON.stringify(doc));
    startTransition(() => action(data));
  };

  return (
    <div className="space-y-4" data-testid="rubric-editor">
      <p className="text-sm text-slate-700" data-testid="rubric-version-note">
        {inUse ? t("versionInUse", { version, count: inUse, next: version + 1 }) : t("versionFree", { version })}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="min-w-64 flex-1">
          <span className={labelClass}>{t("name")}</span>
          <input className={inputClass} value={doc.name} onChange={(e) => setDoc({ ...doc, name: e.target.value })} />
        </label>
        <a className={secondaryButtonClass} href={`/api/v1/projects/${encodeURIComponent(slug)}/rubric?download=1`} download>{t("download")}</a>
        <label className={`${secondaryButtonClass} cursor-pointer`}>
          {t("import")}
          <input type="file" accept="application/json,.json" className="sr-only" onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ""; }} />
        </label>
      </div>
      {importMessage ? <p className="text-sm text-slate-700" role="status" data-testid="rubric-import-message">{importMessage}</p> : null}

      <ol className="space-y-3">
        {doc.axes.map((axis, i) => (
          <li key={i} className="rounded-md border border-slate-200 p-3" aria-label={t("axisLabel", { n: i + 1, label: axis.label })}>
            <div className="mb-2 flex flex-wrap items-center gap-2">
              <span className="text-sm font-medium">{t("axis", { n: i + 1 })}</span>
              <button type="button" className="ms-auto text-xs text-blue-800 hover:underline disabled:opacity-40" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t("upLabel", { n: i + 1 })}>{t("up")}</button>
              <button type="button" className="text-xs text-blue-800 hover:underline disabled:opacity-40" disabled={i === doc.axes.length - 1} onClick={() => move(i, 1)} aria-label={t("downLabel", { n: i + 1 })}>{t("down")}</button>
              <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => remove(i)} aria-label={t("removeLabel", { n: i + 1 })}>{t("remove")}</button>
            </div>
            <div className="grid gap-2 md:grid-cols-3">
              <label><span className={labelClass}>{t("label")}</span><input className={inputClass} value={axis.label} onChange={(e) => setAxis(i, { label: e.target.value })} aria-label={t("labelLabel", { n: i + 1 })} /></label>
              <label><span className={labelClass}>{t("key")}</span><input className={`${inputClass} font-mono`} value={axis.key} onChange={(e) => setAxis(i, { key: e.target.value })} aria-label={t("keyLabel", { n: i + 1 })} /></label>
              <label>
                <span className={labelClass}>{t("ratedFor")}</span>
                <select className={inputClass} value={axis.appliesTo} onChange={(e) => setAxis(i, { appliesTo: e.target.value as RubricAxisDocument["appliesTo"] })} aria-label={t("ratedForLabel", { n: i + 1 })}>
                  {TARGETS.map((v) => <option key={v} value={v}>{t(`targets.${v}`)}</option>)}
                </select>
              </label>
              <label>
                <span className={labelClass}>{t("type")}</span>
                <select className={inputClass} value={axis.type} disabled={axis.appliesTo === "PAIR" || picksResponses(axis.appliesTo)} onChange={(e) => setAxis(i, { type: e.target.value as RubricAxisDocument["type"] })} aria-label={t("typeLabel", { n: i + 1 })}>
                  {TYPES.map((v) => <option key={v} value={v}>{t(`types.${v}`)}</option>)}
                </select>
              </label>
              <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={axis.required} onChange={(e) => setAxis(i, { required: e.target.checked })} /> {t("required")}</label>
              <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={axis.allowsNotApplicable} disabled={picksResponses(axis.appliesTo)} onChange={(e) => setAxis(i, { allowsNotApplicable: e.target.checked })} /> {t("notApplicable")}</label>
              <label className="md:col-span-3"><span className={labelClass}>{t("help")}</span><textarea className={inputClass} rows={2} value={axis.help} onChange={(e) => setAxis(i, { help: e.target.value })} aria-label={t("helpLabel", { n: i + 1 })} /></label>
            </div>
            <AxisShapeFields axis={axis} index={i} onChange={(change) => setAxis(i, change)} />
          </li>
        ))}
      </ol>
      <button type="button" className={secondaryButtonClass} onClick={add}>{t("addAxis")}</button>

      {issues.length ? (
        <ul className="list-disc ps-5 text-sm text-red-700" data-testid="rubric-issues" role="status">{issues.map((m) => <li key={m}>{m}</li>)}</ul>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass} disabled={pending || !parsed.success} onClick={save}>{pending ? t("saving") : t("save")}</button>
        <button type="button" className={secondaryButtonClass} onClick={() => setPreview((p) => !p)} aria-pressed={preview}>{preview ? t("hidePreview") : t("showPreview")}</button>
        <FormStatus state={state} />
      </div>

      {preview && parsed.success ? (
        <section className="space-y-3 rounded-md border border-dashed border-slate-300 p-3" aria-label={t("previewLabel")} data-testid="rubric-preview">
          <p className="text-xs text-slate-600">{t("previewHelp")}</p>
          {parsed.data.axes.map((axis) => picksResponses(axis.appliesTo) ? (
            <p key={axis.key} className="text-sm"><span className="font-medium">{axis.label}</span>: {axis.appliesTo === "RANKING"
              ? t("previewRanking", { first: axis.polarity === "CHOSEN_IS_WORSE" ? "worst" : "best", keys: "Alt+↑ / Alt+↓" })
              : t("previewBestWorst")}</p>
          ) : (
            <AxisInput key={axis.key} axis={axisForPreview(axis)} name={`preview-${axis.key}`} value={previewValues[axis.key]} comment="" onChange={(v) => setPreviewValues((p) => ({ ...p, [axis.key]: v }))} />
          ))}
        </section>
      ) : null}
    </div>
  );
}

/** The fields that depend on the axis type: scale range and point labels, choice options, best answer, polarity. */
function AxisShapeFields({ axis, index, onChange }: { axis: RubricAxisDocument; index: number; onChange: (change: Partial<RubricAxisDocument>) => void }) {
  const t = useTranslations("project.rubric");
  const n = index + 1;
  const setOption = (j: number, change: Partial<RubricAxisDocument["options"][number]>) => onChange({ options: axis.options.map((o, k) => (k === j ? { ...o, ...change } : o)) });
  const bestChoices = axis.type === "BOOLEAN" ? [["true", t("defaults.yes")], ["false", t("defaults.no")]] : axis.type === "TEXT" ? [] : axis.options.map((o) => [o.value, `${o.value}: ${o.label}`]);
  return (
    <div className="mt-2 space-y-2">
      {axis.type === "SCALE" ? (
        <div className="flex flex-wrap gap-2">
          <label className="w-24"><span className={labelClass}>{t("from")}</span><input className={inputClass} type="number" value={axis.min ?? 1} onChange={(e) => { const min = Number(e.target.value); onChange({ min, options: scaleOptions(min, axis.max ?? 5, axis.options) }); }} aria-label={t("fromLabel", { n })} /></label>
          <label className="w-24"><span className={labelClass}>{t("to")}</span><input className={inputClass} type="number" value={axis.max ?? 5} onChange={(e) => { const max = Number(e.target.value); onChange({ max, options: scaleOptions(axis.min ?? 1, max, axis.options) }); }} aria-label={t("toLabel", { n })} /></label>
        </div>
      ) : null}
      {(axis.type === "SCALE" || axis.type === "CHOICE") && axis.appliesTo !== "PAIR" && !picksResponses(axis.appliesTo) && !axis.optionsFrom ? (
        <fieldset>
          <legend className={labelClass}>{axis.type === "SCALE" ? t("pointLabels") : t("options")}</legend>
          <ul className="space-y-1">
            {axis.options.map((o, j) => (
              <li key={j} className="flex flex-wrap gap-2">
                <input className={`${inputClass} w-28 font-mono`} value={o.value} readOnly={axis.type === "SCALE"} onChange={(e) => setOption(j, { value: e.target.value })} aria-label={t("optionValueLabel", { n, j: j + 1 })} />
                <input className={`${inputClass} min-w-48 flex-1`} value={o.label} onChange={(e) => setOption(j, { label: e.target.value })} aria-label={t("optionLabelLabel", { n, j: j + 1 })} />
                {axis.type === "CHOICE" ? <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => onChange({ options: axis.options.filter((_, k) => k !== j) })} aria-label={t("removeOptionLabel", { n, j: j + 1 })}>{t("remove")}</button> : null}
              </li>
            ))}
          </ul>
          {axis.type === "CHOICE" ? <button type="button" className="mt-1 text-xs text-blue-800 hover:underline" onClick={() => onChange({ options: [...axis.options, { value: `option_${axis.options.length + 1}`, label: t("defaults.option", { n: axis.options.length + 1 }) }] })}>{t("addOption")}</button> : null}
        </fieldset>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {axis.type === "CHOICE" && axis.appliesTo !== "PAIR" && !picksResponses(axis.appliesTo) ? (
          <label className="w-48"><span className={labelClass}>{t("atMost")}</span><input className={inputClass} type="number" min={1} value={axis.max ?? 1} onChange={(e) => onChange({ max: Number(e.target.value) > 1 ? Number(e.target.value) : undefined })} aria-label={t("atMostLabel", { n })} /></label>
        ) : null}
        {bestChoices.length && axis.appliesTo !== "PAIR" && !picksResponses(axis.appliesTo) ? (
          <label className="w-64">
            <span className={labelClass}>{t("best")}</span>
            <select className={inputClass} value={axis.best === undefined ? "" : String(axis.best)} onChange={(e) => onChange({ best: e.target.value === "" ? undefined : axis.type === "BOOLEAN" ? e.target.value === "true" : axis.type === "SCALE" ? Number(e.target.value) : e.target.value })} aria-label={t("bestLabel", { n })}>
              <option value="">{t("bestNone")}</option>
              {bestChoices.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </select>
          </label>
        ) : null}
        {axis.appliesTo === "PAIR" || axis.appliesTo === "RANKING" ? (
          <label className="w-72">
            <span className={labelClass}>{axis.appliesTo === "PAIR" ? t("pairPolarity") : t("rankingPolarity")}</span>
            <select className={inputClass} value={axis.polarity} onChange={(e) => onChange({ polarity: e.target.value as RubricAxisDocument["polarity"] })} aria-label={t("polarityLabel", { n })}>
              <option value="HIGHER_IS_BETTER">{axis.appliesTo === "PAIR" ? t("better") : t("theBest")}</option>
              <option value="CHOSEN_IS_WORSE">{axis.appliesTo === "PAIR" ? t("worse") : t("theWorst")}</option>
            </select>
          </label>
        ) : null}
      </div>
    </div>
  );
}
