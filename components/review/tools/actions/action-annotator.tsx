"use client";
import { useTranslations } from "next-intl";
import { Markdown, PlainText } from "@/components/ui/markdown";
import { textDirection } from "@/lib/i18n/locales";
import type { ReviewAction } from "@/lib/assignments/load-for-review";
import type { ActionLabel, ActionsBlock } from "@/lib/tools/actions/schema";
import { ACTION_ERROR_TYPES, ACTION_SEVERITIES, ACTION_VERDICTS, isErroneousVerdict } from "@/lib/tools/actions/taxonomy";
import { navClass } from "../../axis-input";
import type { ResponsePanelProps } from "../types";

const chip = (on: boolean) =>
  `cursor-pointer rounded-md border px-2 py-0.5 text-xs has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 has-[input:disabled]:opacity-40 ${on ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white"}`;
const SEVERITY_KEYS = { minor: "7", major: "8", critical: "9" } as const;
const TYPE_STYLE: Record<ReviewAction["type"], string> = {
  message: "bg-slate-100 text-slate-800",
  thought: "bg-violet-50 text-violet-900",
  tool_call: "bg-blue-50 text-blue-900",
  tool_result: "bg-slate-50 text-slate-600",
  test: "bg-amber-50 text-amber-900",
  final_answer: "bg-green-50 text-green-900",
};

/** A tool's arguments or result, formatted JSON in a scrolling block (long results start closed). */
function JsonBlock({ label, text, open }: { label: string; text: string; open: boolean }) {
  return (
    <details className="mt-1" open={open}>
      <summary className="cursor-pointer text-xs text-slate-600">{label}</summary>
      <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs" dir="ltr"><PlainText text={text} /></pre>
    </details>
  );
}

/**
 * An agent's run, action by action (issue 13): the agent's own actions are keyboard blocks (J/K) to
 * judge — a verdict (1–5), for one that is not correct a severity (7–9) and error types (E), for a
 * test whether it was necessary (Y / N), a comment (C); tool results and other parties' messages are
 * shown between them as context. Arguments and results are formatted JSON. Long runs scroll in place.
 */
export function ActionAnnotator({ response, data, update, problemAt, language, readOnly }: ResponsePanelProps) {
  const t = useTranslations("tools.actions");
  const ts = useTranslations("tools.steps");
  const tt = useTranslations("tools");
  const actions = response.actions;
  if (!actions) return null;
  const labels: ActionsBlock[string] = data.actions?.[response.id] ?? {};
  const setLabel = (i: number, patch: Partial<ActionLabel>) => {
    const label: ActionLabel = { ...(labels[String(i)] ?? { errorTypes: [] }), ...patch };
    // A correct action carries no error types or severity (the server refuses them).
    if (label.verdict === "correct") Object.assign(label, { errorTypes: [], severity: undefined });
    update({ ...data, actions: { ...data.actions, [response.id]: { ...labels, [String(i)]: label } } });
  };
  const judged = actions.flatMap((a, i) => (a.judged ? [i] : []));
  const tests = actions.flatMap((a, i) => (a.type === "test" ? [i] : []));
  const labelled = judged.filter((i) => labels[String(i)]?.verdict).length;
  const marked = tests.filter((i) => labels[String(i)]?.necessary !== undefined).length;
  const costs = actions.map((a) => a.costUsd).filter((c): c is number => c !== undefined);
  const problem = problemAt.get(`actions.${response.id}`);
  const dir = textDirection(language);
  return (
    <div className={`rounded-md border p-3 ${problem ? "border-red-400" : "border-slate-200"}`} data-testid="action-annotator">
      <p className="mb-2 flex flex-wrap justify-between gap-2 text-sm font-medium">
        <span>{t("heading")}</span>
        <span className="text-xs font-normal text-slate-600">
          <span data-testid="actions-progress">{t("progress", { labelled, total: judged.length })}</span>
          {tests.length ? <span data-testid="tests-progress"> · {t("testsProgress", { marked, total: tests.length })}</span> : null}
          {costs.length ? <span> · {t("runCost", { cost: String(Math.round(costs.reduce((s, c) => s + c, 0) * 100) / 100) })}</span> : null}
        </span>
      </p>
      <ol className="max-h-[75vh] space-y-2 overflow-y-auto pe-1">
        {actions.map((a, i) => {
          const label = labels[String(i)];
          const erroneous = Boolean(label?.verdict && label.verdict !== "correct");
          const n = i + 1;
          const body = (
            <>
              <div className="flex flex-wrap items-baseline gap-2 text-xs" data-testid="action-head">
                <span className="w-7 shrink-0 text-end font-mono text-slate-500">{n}</span>
                <span className={`rounded px-1.5 py-0.5 font-medium ${TYPE_STYLE[a.type]}`}>{t(`types.${a.type}`)}</span>
                {a.role !== "agent" && a.role !== "environment" ? <span className="text-slate-600">{t(`roles.${a.role as "user" | "gatekeeper"}`)}</span> : null}
                {a.tool ? <code className="rounded bg-slate-100 px-1" dir="ltr"><PlainText text={a.tool} /></code> : null}
                {a.test ? <span className="font-medium" dir={dir}><PlainText text={a.test} /></span> : null}
                {a.costUsd !== undefined ? <span className="text-slate-500">{t("cost", { cost: String(a.costUsd) })}</span> : null}
                {!a.judged ? <span className="ms-auto text-slate-600">{t("context")}</span> : null}
              </div>
              <div className="ps-9" data-testid="action-body">
                {a.html ? <Markdown html={a.html} className="text-sm" dir={dir} /> : null}
                {a.argumentsText !== undefined ? <JsonBlock label={t("arguments")} text={a.argumentsText} open /> : null}
                {a.resultText !== undefined ? <JsonBlock label={t("result")} text={a.resultText} open={a.resultText.length < 600} /> : null}
              </div>
            </>
          );
          if (!a.judged) return <li key={i} className="rounded border border-dashed border-slate-200 p-2" data-action={n}>{body}</li>;
          return (
            <li key={i} className={`rounded border p-2 ${navClass} ${isErroneousVerdict(label?.verdict) ? "border-rose-300 bg-rose-50/40" : "border-slate-200"}`} data-nav="action" data-action={n} tabIndex={-1}>
              {body}
              <fieldset disabled={readOnly} className="mt-1 space-y-1 ps-9">
                <div className="flex flex-wrap items-center gap-1.5" role="radiogroup" aria-label={t("verdictLabel", { action: n })}>
                  {ACTION_VERDICTS.map((v, k) => (
                    <label key={v} className={chip(label?.verdict === v)} title={ts(`verdicts.${v}.help`)}>
                      <input type="radio" className="sr-only" name={`${response.id}-action-${i}`} checked={label?.verdict === v} onChange={() => setLabel(i, { verdict: v })}
                        data-option data-advance={isErroneousVerdict(v) || a.type === "test" ? "false" : undefined} />
                      <span className="me-1 hidden text-slate-400 sm:inline" aria-hidden>{k + 1}</span>
                      {ts(`verdicts.${v}.label`)}
                    </label>
                  ))}
                </div>
                {erroneous ? (
                  <>
                    <div className="flex flex-wrap items-center gap-1.5" role="radiogroup" aria-label={t("severityLabel", { action: n })}>
                      <span className="text-xs text-slate-600">{ts("severity")}</span>
                      {ACTION_SEVERITIES.map((s) => (
                        <label key={s} className={chip(label?.severity === s)} title={ts(`severities.${s}.help`)}>
                          <input type="radio" className="sr-only" name={`${response.id}-action-${i}-severity`} checked={label?.severity === s} onChange={() => setLabel(i, { severity: s })} data-key={SEVERITY_KEYS[s]} data-advance="false" />
                          <span className="me-1 hidden text-slate-400 sm:inline" aria-hidden>{SEVERITY_KEYS[s]}</span>
                          {ts(`severities.${s}.label`)}
                        </label>
                      ))}
                    </div>
                    <details data-open-key="e" open={Boolean(label?.errorTypes.length)}>
                      <summary className="cursor-pointer text-xs text-slate-600">{t("errorTypes", { count: label?.errorTypes.length ?? 0 })}</summary>
                      <div className="mt-1 flex flex-wrap gap-1.5" role="group" aria-label={t("errorTypesLabel", { action: n })}>
                        {ACTION_ERROR_TYPES.map((type) => {
                          const on = label?.errorTypes.includes(type) ?? false;
                          return (
                            <label key={type} className={chip(on)}>
                              <input type="checkbox" className="sr-only" checked={on} onChange={() => setLabel(i, { errorTypes: on ? label!.errorTypes.filter((k) => k !== type) : [...(label?.errorTypes ?? []), type] })} />
                              {t(`errors.${type}`)}
                            </label>
                          );
                        })}
                      </div>
                    </details>
                  </>
                ) : null}
                {a.type === "test" ? (
                  <div className="flex flex-wrap items-center gap-1.5" role="radiogroup" aria-label={t("necessaryLabel", { action: n })}>
                    <span className="text-xs text-slate-600">{t("necessary")}</span>
                    {[true, false].map((v) => (
                      <label key={String(v)} className={chip(label?.necessary === v)}>
                        <input type="radio" className="sr-only" name={`${response.id}-action-${i}-necessary`} checked={label?.necessary === v} onChange={() => setLabel(i, { necessary: v })} data-key={v ? "y" : "n"} />
                        {v ? tt("yes") : tt("no")}
                      </label>
                    ))}
                  </div>
                ) : null}
                <details data-comment open={Boolean(label?.comment)}>
                  <summary className="cursor-pointer text-xs text-slate-500">{t("comment")}</summary>
                  <textarea className="mt-1 w-full rounded border border-slate-300 p-1 text-xs" rows={2} aria-label={t("commentLabel", { action: n })} maxLength={20_000}
                    value={label?.comment ?? ""} onChange={(e) => setLabel(i, { comment: e.target.value })} />
                </details>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {problem ? <p className="mt-1 text-xs text-red-700">{problem}</p> : null}
    </div>
  );
}
