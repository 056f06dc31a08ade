"use client";
import { useTranslations } from "next-intl";
import { Markdown } from "@/components/ui/markdown";
import { textDirection } from "@/lib/i18n/locales";
import type { StepBlock, StepLabel } from "@/lib/tools/steps/schema";
import { isErroneousVerdict, STEP_KINDS, STEP_SEVERITIES, STEP_VERDICTS, type StepVerdict } from "@/lib/tools/steps/taxonomy";
import { navClass } from "../../axis-input";
import type { ResponsePanelProps } from "../types";

const chip = (on: boolean) =>
  `cursor-pointer rounded-md border px-2 py-0.5 text-xs has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 has-[input:disabled]:opacity-40 ${on ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white"}`;
const SEVERITY_KEYS = { minor: "7", major: "8", critical: "9" } as const;

/** A yes/no question about the whole response, as a keyboard block (Y / N). */
function YesNo({ name, label, value, onChange }: { name: string; label: string; value: boolean | undefined; onChange: (v: boolean) => void }) {
  const t = useTranslations("tools");
  return (
    <div className={`rounded border border-slate-200 p-2 ${navClass}`} data-nav="axis" tabIndex={-1}>
      <div className="flex flex-wrap items-center gap-2 text-sm" role="radiogroup" aria-label={label}>
        <span className="me-1 font-medium">{label}</span>
        {[true, false].map((v) => (
          <label key={String(v)} className={chip(value === v)}>
            <input type="radio" className="sr-only" name={name} checked={value === v} onChange={() => onChange(v)} data-option data-key={v ? "y" : "n"} />
            {v ? t("yes") : t("no")}
          </label>
        ))}
      </div>
    </div>
  );
}

/**
 * The reasoning, step by step: per step a verdict (1–5), for steps that are not correct a severity (7–9)
 * and error types (E), an optional kind and comment (C); per response whether the final answer is
 * correct and the reasoning supports it (Y / N), and the first erroneous step (derived, overridable).
 * Every step is a keyboard block: J/K move, the step in work stays in view in its scrolling list.
 * The steps' text takes the item language's direction (dir="auto" when unknown); the controls, the interface's.
 * Verdict, severity and kind names are the interface's (tools.steps.*); the project's error types are its data.
 */
export function StepAnnotator({ response, data, update, stepSettings, problemAt, language }: ResponsePanelProps) {
  const t = useTranslations("tools.steps");
  const steps = response.steps;
  if (!steps) return null;
  const block: StepBlock = data.steps?.[response.id] ?? { segmentationVersion: steps.version, steps: {} };
  const set = (next: StepBlock) => update({ ...data, steps: { ...data.steps, [response.id]: next } });
  const setStep = (i: number, patch: Partial<StepLabel>) => {
    const label: StepLabel = { ...(block.steps[String(i)] ?? { errorTypes: [] }), ...patch };
    // A correct step carries no error types or severity (the server refuses them).
    if (label.verdict === "correct") Object.assign(label, { errorTypes: [], severity: undefined });
    set({ ...block, steps: { ...block.steps, [String(i)]: label } });
  };
  const labelled = steps.html.filter((_, i) => block.steps[String(i)]?.verdict).length;
  const derived = steps.html.findIndex((_, i) => isErroneousVerdict(block.steps[String(i)]?.verdict));
  const problem = problemAt.get(`steps.${response.id}`);
  return (
    <div className={`rounded-md border p-3 ${problem ? "border-red-400" : "border-slate-200"}`} data-testid="step-annotator">
      <p className="mb-2 flex justify-between text-sm font-medium">
        <span>{steps.over === "content" ? t("headingOfAnswer") : t("heading")}</span>
        <span className="text-xs font-normal text-slate-600" data-testid="steps-progress">{t("progress", { labelled, total: steps.html.length })}</span>
      </p>
      <ol className="max-h-[70vh] space-y-2 overflow-y-auto pe-1">
        {steps.html.map((html, i) => {
          const label = block.steps[String(i)];
          const erroneous = Boolean(label?.verdict && label.verdict !== "correct");
          return (
            <li key={i} className={`rounded border p-2 ${navClass} ${isErroneousVerdict(label?.verdict) ? "border-rose-300 bg-rose-50/40" : "border-slate-200"}`} data-nav="step" data-step={i + 1} tabIndex={-1}>
              <div className="flex gap-2 text-sm">
                <span className="w-6 shrink-0 text-end font-mono text-xs leading-5 text-slate-500">{i + 1}</span>
                <div className="min-w-0 grow" dir={textDirection(language)}>
                  <Markdown html={html} />
                </div>
              </div>
              <div className="mt-1 flex flex-wrap items-center gap-1.5 ps-8" role="radiogroup" aria-label={t("verdictLabel", { step: i + 1 })}>
                {STEP_VERDICTS.map((v: StepVerdict, n) => (
                  <label key={v} className={chip(label?.verdict === v)} title={t(`verdicts.${v}.help`)}>
                    <input type="radio" className="sr-only" name={`${response.id}-step-${i}`} checked={label?.verdict === v} onChange={() => setStep(i, { verdict: v })}
                      data-option data-advance={isErroneousVerdict(v) ? "false" : undefined} />
                    <span className="me-1 hidden text-slate-400 sm:inline" aria-hidden>{n + 1}</span>
                    {t(`verdicts.${v}.label`)}
                  </label>
                ))}
              </div>
              {erroneous ? (
                <div className="mt-1 space-y-1 ps-8">
                  <div className="flex flex-wrap items-center gap-1.5" role="radiogroup" aria-label={t("severityLabel", { step: i + 1 })}>
                    <span className="text-xs text-slate-600">{t("severity")}</span>
                    {STEP_SEVERITIES.map((s) => (
                      <label key={s} className={chip(label?.severity === s)} title={t(`severities.${s}.help`)}>
                        <input type="radio" className="sr-only" name={`${response.id}-step-${i}-severity`} checked={label?.severity === s} onChange={() => setStep(i, { severity: s })}
                          data-key={SEVERITY_KEYS[s]} data-advance="false" />
                        <span className="me-1 hidden text-slate-400 sm:inline" aria-hidden>{SEVERITY_KEYS[s]}</span>
                        {t(`severities.${s}.label`)}
                      </label>
                    ))}
                  </div>
                  <details data-open-key="e" open={Boolean(label?.errorTypes.length)}>
                    <summary className="cursor-pointer text-xs text-slate-600">{t("errorTypes", { count: label?.errorTypes.length ?? 0 })}</summary>
                    <div className="mt-1 flex flex-wrap gap-1.5" role="group" aria-label={t("errorTypesLabel", { step: i + 1 })}>
                      {stepSettings.errorTypes.map((type) => {
                        const on = label?.errorTypes.includes(type.key) ?? false;
                        return (
                          <label key={type.key} className={chip(on)} title={type.help}>
                            <input type="checkbox" className="sr-only" checked={on}
                              onChange={() => setStep(i, { errorTypes: on ? label!.errorTypes.filter((k) => k !== type.key) : [...(label?.errorTypes ?? []), type.key] })} />
                            {type.label}
                          </label>
                        );
                      })}
                    </div>
                  </details>
                </div>
              ) : null}
              <div className="mt-1 flex flex-wrap items-center gap-2 ps-8">
                <label className="text-xs text-slate-600">
                  {t("kind")}{stepSettings.requireKind ? " *" : ""}{" "}
                  <select className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs" value={label?.kind ?? ""} onChange={(e) => setStep(i, { kind: (e.target.value || undefined) as StepLabel["kind"] })}>
                    <option value="">{stepSettings.requireKind ? t("chooseKind") : t("kindFromVerdict")}</option>
                    {STEP_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
                  </select>
                </label>
                <details className="grow" data-comment open={Boolean(label?.comment)}>
                  <summary className="cursor-pointer text-xs text-slate-500">{t("comment")}</summary>
                  <textarea className="mt-1 w-full rounded border border-slate-300 p-1 text-xs" rows={2} aria-label={t("commentLabel", { step: i + 1 })} maxLength={20_000}
                    value={label?.comment ?? ""} onChange={(e) => setStep(i, { comment: e.target.value })} />
                </details>
              </div>
              {problemAt.get(`steps.${response.id}.steps.${i}.verdict`) ? <p className="ps-8 text-xs text-red-700">{problemAt.get(`steps.${response.id}.steps.${i}.verdict`)}</p> : null}
            </li>
          );
        })}
      </ol>
      <div className="mt-3 space-y-2">
        <YesNo name={`${response.id}-final-correct`} label={t("finalAnswerCorrect")} value={block.finalAnswerCorrect} onChange={(v) => set({ ...block, finalAnswerCorrect: v })} />
        <YesNo name={`${response.id}-supports`} label={t("reasoningSupportsAnswer")} value={block.reasoningSupportsAnswer} onChange={(v) => set({ ...block, reasoningSupportsAnswer: v })} />
        <label className="block text-sm">
          {t("firstError")}{" "}
          <select className="rounded border border-slate-300 bg-white px-1 py-0.5 text-sm" data-testid="first-error-step"
            value={block.firstErrorStep === undefined ? "" : block.firstErrorStep === null ? "none" : String(block.firstErrorStep)}
            onChange={(e) => {
              const v = e.target.value;
              const next: StepBlock = { ...block };
              if (v === "") delete next.firstErrorStep;
              else next.firstErrorStep = v === "none" ? null : Number(v);
              set(next);
            }}>
            <option value="">{derived === -1 ? t("firstErrorNoneDerived") : t("firstErrorDerived", { step: derived + 1 })}</option>
            <option value="none">{t("firstErrorNone")}</option>
            {steps.html.map((_, i) => <option key={i} value={String(i)}>{t("firstErrorStep", { step: i + 1 })}</option>)}
          </select>
        </label>
      </div>
      {problem ? <p className="mt-1 text-xs text-red-700">{problem}</p> : null}
    </div>
  );
}
