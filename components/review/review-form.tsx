"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo } from "react";
import type { ReviewAxis, ReviewResponse } from "@/lib/assignments/load-for-review";
import type { AnnotationData } from "@/lib/annotations/schema";
import { Markdown } from "@/components/ui/markdown";
import { buttonClass, cardClass, secondaryButtonClass } from "@/components/ui/styles";
import { AxisInput } from "./axis-input";
import { SaveStatus } from "./save-status";
import { useActiveTime } from "./use-active-time";
import { useAutosave } from "./use-autosave";

type Value = string | number | boolean | null | undefined;

export function ReviewForm(props: {
  assignmentId: string;
  status: "PENDING" | "IN_PROGRESS" | "SUBMITTED" | "SKIPPED";
  responses: ReviewResponse[];
  axes: ReviewAxis[];
  initialVersion: number;
  initialData: AnnotationData;
}) {
  const router = useRouter();
  const takeActiveTime = useActiveTime();
  const { data, update, state, problems, submit, resolveConflict } = useAutosave({
    assignmentId: props.assignmentId,
    initialVersion: props.initialVersion,
    initialData: props.initialData,
    takeActiveTime,
  });
  const readOnly = props.status === "SUBMITTED" || props.status === "SKIPPED" || state.kind === "submitted" || state.kind === "locked";
  const responseAxes = props.axes.filter((a) => a.appliesTo === "RESPONSE");
  const itemAxes = props.axes.filter((a) => a.appliesTo === "ITEM");
  const problemAt = useMemo(() => new Map(problems.map((p) => [p.path, p.message])), [problems]);

  const setResponse = (responseId: string, axisKey: string, field: "ratings" | "comments", value: Value) => {
    const block = data.responses[responseId] ?? { ratings: {}, comments: {} };
    update({
      ...data,
      responses: { ...data.responses, [responseId]: { ...block, [field]: { ...block[field], [axisKey]: value } } },
    });
  };
  const setItem = (axisKey: string, field: "ratings" | "comments", value: Value) =>
    update({ ...data, item: { ...data.item, [field]: { ...data.item[field], [axisKey]: value } } });

  const onSubmit = () => submit(() => router.push(`/review/next?after=${props.assignmentId}`));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && !readOnly) {
        e.preventDefault();
        onSubmit();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-slate-50/95 py-2 backdrop-blur">
        <SaveStatus state={state} />
        {!readOnly ? (
          <button type="button" className={buttonClass} onClick={onSubmit} data-testid="submit" title="Ctrl+Enter">
            Submit and next
          </button>
        ) : (
          <span className="text-sm text-slate-600" data-testid="read-only">This item is {props.status === "SKIPPED" ? "skipped" : "submitted"}.</span>
        )}
      </div>

      {state.kind === "conflict" ? (
        <div className="rounded-md border border-amber-400 bg-amber-50 p-4" data-testid="conflict">
          <p className="font-medium">This annotation was changed elsewhere (another tab or device).</p>
          <p className="text-sm text-slate-700">Nothing was overwritten. Choose which version to keep.</p>
          <div className="mt-2 grid gap-3 md:grid-cols-2 text-xs">
            <pre className="max-h-48 overflow-auto rounded bg-white p-2" data-testid="conflict-mine">{JSON.stringify(data, null, 1)}</pre>
            <pre className="max-h-48 overflow-auto rounded bg-white p-2" data-testid="conflict-theirs">{JSON.stringify(state.serverData, null, 1)}</pre>
          </div>
          <div className="mt-2 flex gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => resolveConflict("mine")}>Keep mine</button>
            <button type="button" className={secondaryButtonClass} onClick={() => resolveConflict("theirs")}>Use the other version</button>
          </div>
        </div>
      ) : null}

      {problems.length ? (
        <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="submit-problems">
          <p className="font-medium">Some required ratings are missing:</p>
          <ul className="list-disc pl-5">{problems.slice(0, 12).map((p) => <li key={p.path}>{p.message}</li>)}</ul>
        </div>
      ) : null}

      <div className={`grid gap-4 ${props.responses.length > 1 ? "lg:grid-cols-2" : ""}`}>
        {props.responses.map((r) => (
          <section key={r.id} className={cardClass} aria-label={r.displayLabel} data-testid="response">
            <h2 className="mb-2 font-semibold">
              {r.displayLabel}
              {r.modelName ? <span className="ml-2 text-sm font-normal text-slate-500">{r.modelName}</span> : null}
            </h2>
            <Markdown html={r.contentHtml} className="text-sm" />
            {r.reasoningHtml ? (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-slate-600">Reasoning</summary>
                <Markdown html={r.reasoningHtml} className="mt-1 border-l-2 border-slate-200 pl-3 text-slate-700" />
              </details>
            ) : null}
            <fieldset disabled={readOnly} className="mt-4 space-y-3">
              {responseAxes.map((axis) => (
                <AxisInput
                  key={axis.key}
                  axis={axis}
                  name={`${r.id}-${axis.key}`}
                  value={data.responses[r.id]?.ratings[axis.key] as Value}
                  comment={data.responses[r.id]?.comments[axis.key] ?? ""}
                  onChange={(v) => setResponse(r.id, axis.key, "ratings", v)}
                  onComment={(t) => setResponse(r.id, axis.key, "comments", t)}
                  problem={problemAt.get(`responses.${r.id}.ratings.${axis.key}`)}
                />
              ))}
            </fieldset>
          </section>
        ))}
      </div>

      <section className={cardClass}>
        <fieldset disabled={readOnly} className="space-y-3">
          {itemAxes.map((axis) => (
            <AxisInput key={axis.key} axis={axis} name={`item-${axis.key}`} value={data.item.ratings[axis.key] as Value}
              comment={data.item.comments[axis.key] ?? ""} onChange={(v) => setItem(axis.key, "ratings", v)}
              onComment={(t) => setItem(axis.key, "comments", t)} problem={problemAt.get(`item.ratings.${axis.key}`)} />
          ))}
          <label className="block text-sm font-medium" htmlFor="overall-comment">Overall comment</label>
          <textarea id="overall-comment" className="w-full rounded border border-slate-300 p-2 text-sm" rows={3}
            value={data.overallComment} onChange={(e) => update({ ...data, overallComment: e.target.value })} data-testid="overall-comment" />
        </fieldset>
      </section>
    </div>
  );
}
