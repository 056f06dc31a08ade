"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { editSegmentationAction } from "@/app/projects/[slug]/steps/actions";
import { FormStatus } from "@/components/ui/form-status";
import { buttonClass, cardClass, secondaryButtonClass } from "@/components/ui/styles";
import { utf16ToCodePoint } from "@/lib/formats/offsets";
import type { SegmentationView } from "@/lib/tools/steps/segmentation-view";

type Step = { start: number; end: number; text: string };

/** Words of a step with their code-point offsets in the response's text (a split goes before a word). */
function words(step: Step) {
  return [...step.text.matchAll(/\S+/g)].map((m) => ({ word: m[0], at: step.start + utf16ToCodePoint(step.text, m.index ?? 0), utf16: m.index ?? 0 }));
}

function ResponseSteps({ slug, response }: { slug: string; response: SegmentationView["responses"][number] }) {
  const [steps, setSteps] = useState<Step[]>(response.steps);
  const [state, action, pending] = useActionState(editSegmentationAction, null);
  const t = useTranslations("project.steps");
  const changed = JSON.stringify(steps.map(({ start, end }) => [start, end])) !== JSON.stringify(response.steps.map(({ start, end }) => [start, end]));
  const merge = (i: number) =>
    setSteps((s) => [...s.slice(0, i), { start: s[i].start, end: s[i + 1].end, text: `${s[i].text}\n${s[i + 1].text}` }, ...s.slice(i + 2)]);
  const split = (i: number, w: { at: number; utf16: number }) =>
    setSteps((s) => {
      const step = s[i];
      const head = step.text.slice(0, w.utf16).trimEnd();
      const tail = step.text.slice(w.utf16);
      return [...s.slice(0, i), { start: step.start, end: step.start + [...head].length, text: head }, { start: w.at, end: step.end, text: tail }, ...s.slice(i + 1)];
    });
  const labelled = response.labelledVersions.includes(response.version);
  return (
    <section className={cardClass} aria-label={t("responseLabel", { label: response.label })} data-testid="segmentation" data-response={response.label}>
      <h2 className="font-medium">
        {t("response", { label: response.label })} <span className="text-sm font-normal text-slate-600">{t("responseInfo", { model: response.modelName, version: response.version, source: response.source, count: steps.length, over: response.over })}</span>
      </h2>
      <p className="mb-2 text-xs text-slate-600">
        {labelled ? t("labelled", { version: response.version, next: response.version + 1 }) : t("unlabelled")} {t("clickToSplit")}
      </p>
      <ol className="space-y-1">
        {steps.map((step, i) => (
          <li key={`${step.start}-${step.end}`} className="rounded border border-slate-200 p-2 text-sm" data-testid="segment">
            <span className="me-2 font-mono text-xs text-slate-500">{i + 1}</span>
            {words(step).map((w, k) =>
              k === 0 ? <span key={k}>{w.word} </span> : (
                <button key={k} type="button" className="rounded px-0.5 hover:bg-amber-100" title={t("splitTitle")} onClick={() => split(i, w)}>{w.word} </button>
              ),
            )}
            {i < steps.length - 1 ? <button type="button" className="ms-2 text-xs text-blue-800 underline" onClick={() => merge(i)} data-testid="merge-next">{t("merge")}</button> : null}
          </li>
        ))}
      </ol>
      <form action={action} className="mt-2 flex items-center gap-2">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="responseId" value={response.responseId} />
        <input type="hidden" name="steps" value={JSON.stringify(steps.map(({ start, end }) => ({ start, end })))} />
        <button type="submit" className={buttonClass} disabled={!changed || pending}>{t("save")}</button>
        {changed ? <button type="button" className={secondaryButtonClass} onClick={() => setSteps(response.steps)}>{t("undo")}</button> : null}
        <FormStatus state={state} />
      </form>
    </section>
  );
}

export function SegmentationEditor({ slug, view }: { slug: string; view: SegmentationView }) {
  return (
    <div className="space-y-4">
      {/* Keyed by response only: a save re-renders the page with the new version, and the message stays. */}
      {view.responses.map((r) => <ResponseSteps key={r.responseId} slug={slug} response={r} />)}
    </div>
  );
}
