"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ReviewAxis, ReviewCriterion, ReviewResponse } from "@/lib/assignments/load-for-review";
import type { AnnotationData, CriterionMark, DdxEntryMark, RatingValue, ResponseBlock } from "@/lib/annotations/schema";
import { CONFIDENCE_LABELS } from "@/lib/projects/labels";
import { changeLabelsFor } from "@/lib/annotations/change-labels";
import { PlainText } from "@/components/ui/markdown";
import { buttonClass, cardClass, secondaryButtonClass } from "@/components/ui/styles";
import { AxisInput } from "./axis-input";
import { ConflictPanel } from "./conflict-panel";
import { CriteriaChecklist } from "./criteria-checklist";
import { DifferentialGrading } from "./differential-grading";
import { PairwisePanel } from "./pairwise-panel";
import { ResponseBody } from "./response-body";
import { RevisionHistory } from "./revision-history";
import { SaveStatus } from "./save-status";
import { TextLimit } from "./text-limit";
import { REVIEW_SHORTCUTS, ShortcutSheet } from "./shortcut-sheet";
import { SkipDialog } from "./skip-dialog";
import { useActiveTime } from "./use-active-time";
import { useAutosave } from "./use-autosave";
import { useReviewKeyboard } from "./use-review-keyboard";
import { useSentencePicking } from "./use-sentence-picking";
import { jumpToProblem } from "./problem-target";

type Value = RatingValue | undefined;

const CONFIDENCE_AXIS: ReviewAxis = {
  key: "confidence",
  label: "Your confidence in this rating",
  help: "",
  type: "SCALE",
  appliesTo: "RESPONSE",
  required: false,
  options: CONFIDENCE_LABELS.map((label, i) => ({ value: String(i + 1), label })),
  min: 1,
  max: 5,
};

const emptyBlock = (): ResponseBlock => ({ ratings: {}, comments: {} });

/** As in the annotation schema (lib/annotations/schema.ts). */
const OVERALL_COMMENT_MAX = 50_000;

export function ReviewForm(props: {
  assignmentId: string;
  status: "PENDING" | "IN_PROGRESS" | "SUBMITTED" | "SKIPPED";
  responses: ReviewResponse[];
  axes: ReviewAxis[];
  criteria: ReviewCriterion[];
  askConfidence: boolean;
  /** The rubric grades each differential entry (AMIE style). */
  gradeDifferentials: boolean;
  pairwiseStrength: boolean;
  nextHref: string;
  /** The server's annotation when the page was rendered (version, document, latest mutation id). */
  annotation: { version: number; data: AnnotationData; lastMutationId: string | null };
}) {
  const router = useRouter();
  const takeActiveTime = useActiveTime();
  const { data, update, state, problems, pendingChanges, submit, resolveConflict } = useAutosave({
    assignmentId: props.assignmentId,
    server: { ...props.annotation, isFinal: props.status === "SUBMITTED" || props.status === "SKIPPED" },
    takeActiveTime,
  });
  const [panel, setPanel] = useState<"none" | "help" | "skip" | "history">("none");
  const root = useRef<HTMLDivElement>(null);
  const readOnly = props.status === "SUBMITTED" || props.status === "SKIPPED" || state.kind === "submitted" || state.kind === "locked";
  const responseAxes = props.axes.filter((a) => a.appliesTo === "RESPONSE");
  const itemAxes = props.axes.filter((a) => a.appliesTo === "ITEM");
  const pairAxes = props.responses.length >= 2 ? props.axes.filter((a) => a.appliesTo === "PAIR") : [];
  const problemAt = useMemo(() => new Map(problems.map((p) => [p.path, p.message])), [problems]);
  const labels = useMemo(
    () => changeLabelsFor(props.axes, props.responses.map((r) => r.id), props.criteria.map((c, position) => ({ id: c.id, position }))),
    [props.axes, props.responses, props.criteria],
  );

  const setBlock = (responseId: string, patch: (block: ResponseBlock) => ResponseBlock) =>
    update({ ...data, responses: { ...data.responses, [responseId]: patch(data.responses[responseId] ?? emptyBlock()) } });
  const setResponse = (responseId: string, axisKey: string, field: "ratings" | "comments", value: Value) =>
    setBlock(responseId, (block) => ({ ...block, [field]: { ...block[field], [axisKey]: value } }));
  const setCriterion = (responseId: string, criterionId: string, mark: CriterionMark) =>
    setBlock(responseId, (block) => ({ ...block, criteria: { ...block.criteria, [criterionId]: mark } }));
  const setEntry = (responseId: string, rank: number, mark: DdxEntryMark) =>
    setBlock(responseId, (block) => ({ ...block, entries: { ...block.entries, [String(rank)]: mark } }));
  const setItem = (axisKey: string, field: "ratings" | "comments", value: Value) =>
    update({ ...data, item: { ...data.item, [field]: { ...data.item[field], [axisKey]: value } } });

  const sentenceAxis = itemAxes.find((a) => a.pickSentence);
  const pickedSentence = sentenceAxis ? data.item.ratings[sentenceAxis.key] : null;
  useSentencePicking(Boolean(sentenceAxis) && !readOnly, typeof pickedSentence === "string" ? pickedSentence : null, (id) => {
    if (sentenceAxis) setItem(sentenceAxis.key, "ratings", id);
  });

  // Prefetch the next item's full server payload now (not only when a link scrolls into view: the
  // reviewer is usually far down the page), so "submit and next" opens it without a round trip.
  // "full" is Next's PrefetchKind.FULL; the enum lives in an internal module, hence the cast.
  useEffect(() => {
    router.prefetch(props.nextHref, { kind: "full" } as Parameters<typeof router.prefetch>[1]);
  }, [router, props.nextHref]);

  const onSubmit = () => submit(() => router.push(props.nextHref));
  const onSkip = async (reason: string): Promise<string | null> => {
    const response = await fetch(`/api/v1/assignments/${props.assignmentId}/skip`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason, timeOnTaskDeltaMs: takeActiveTime() }),
    }).catch(() => null);
    if (!response) return "Cannot reach the server; try again when you are online.";
    const body = await response.json().catch(() => ({}));
    if (!response.ok) return body.message ?? body.issues?.[0]?.message ?? body.error ?? `The server refused (${response.status}).`;
    router.push(props.nextHref);
    return null;
  };

  useReviewKeyboard(
    root,
    {
      submit: onSubmit,
      skip: () => setPanel("skip"),
      toggleHelp: () => setPanel((p) => (p === "help" ? "none" : "help")),
      toggleHistory: () => setPanel((p) => (p === "history" ? "none" : "history")),
    },
    !readOnly && panel !== "skip" && panel !== "help",
  );

  const gridCols = props.responses.length > 1 ? "lg:grid-cols-2" : "";
  return (
    <div className="space-y-4" ref={root}>
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-slate-50/95 py-2 backdrop-blur">
        <SaveStatus state={state} pendingChanges={pendingChanges} />
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => setPanel(panel === "help" ? "none" : "help")} title="?" aria-keyshortcuts="?">Shortcuts</button>
          <button type="button" className={secondaryButtonClass} onClick={() => setPanel(panel === "history" ? "none" : "history")} aria-expanded={panel === "history"} aria-keyshortcuts="h" data-testid="history-toggle">History</button>
          {!readOnly ? (
            <>
              <button type="button" className={secondaryButtonClass} onClick={() => setPanel("skip")} aria-keyshortcuts="s" data-testid="skip">Skip…</button>
              <button type="button" className={buttonClass} onClick={onSubmit} data-testid="submit" title="Ctrl+Enter" aria-keyshortcuts="Control+Enter">Submit and next</button>
            </>
          ) : (
            <span className="text-sm text-slate-600" data-testid="read-only">This item is {props.status === "SKIPPED" ? "skipped" : "submitted"}.</span>
          )}
        </div>
      </div>

      {state.kind === "conflict" ? <ConflictPanel mine={data} theirs={state.serverData} labels={labels} onChoose={resolveConflict} /> : null}

      {problems.length ? (
        <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="submit-problems" role="alert">
          <p className="font-medium">Some ratings are missing or not accepted{problems.length > 12 ? ` (${problems.length}; the first 12 are listed)` : ""}:</p>
          <ul className="list-disc pl-5">
            {problems.slice(0, 12).map((p) => (
              <li key={p.path}>
                <button type="button" className="text-left underline decoration-dotted hover:decoration-solid" onClick={() => jumpToProblem(root.current, p.path)} data-testid="problem-link">
                  {p.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {panel === "history" ? <RevisionHistory assignmentId={props.assignmentId} refreshKey={state.kind} /> : null}

      <div className={`grid gap-4 ${gridCols}`}>
        {props.responses.map((r) => {
          const block = data.responses[r.id] ?? emptyBlock();
          return (
            <section key={r.id} className={cardClass} aria-label={r.displayLabel} data-testid="response" data-response-id={r.id}>
              <h2 className="mb-2 font-semibold">
                {r.displayLabel}
                {r.modelName ? <span className="ml-2 text-sm font-normal text-slate-500"><PlainText text={r.modelName} /></span> : null}
              </h2>
              <ResponseBody response={r} gradedDifferential={props.gradeDifferentials && Boolean(r.differential)} />
              <fieldset disabled={readOnly} className="mt-4 space-y-3">
                {props.gradeDifferentials && r.differential ? (
                  <DifferentialGrading response={r} marks={block.entries ?? {}} onChange={(rank, mark) => setEntry(r.id, rank, mark)} problem={problemAt.get(`responses.${r.id}.entries`)} />
                ) : null}
                {responseAxes.map((axis) => (
                  <AxisInput key={axis.key} axis={axis} name={`${r.id}-${axis.key}`} value={block.ratings[axis.key]} comment={block.comments[axis.key] ?? ""}
                    onChange={(v) => setResponse(r.id, axis.key, "ratings", v)} onComment={(t) => setResponse(r.id, axis.key, "comments", t)}
                    problem={problemAt.get(`responses.${r.id}.ratings.${axis.key}`)} />
                ))}
                {props.criteria.length ? (
                  <CriteriaChecklist responseId={r.id} criteria={props.criteria} marks={block.criteria ?? {}} onChange={(c, mark) => setCriterion(r.id, c, mark)}
                    problem={problemAt.get(`responses.${r.id}.criteria`)} />
                ) : null}
                {props.askConfidence && (responseAxes.length || props.criteria.length || (props.gradeDifferentials && r.differential)) ? (
                  <div data-testid="confidence">
                    <AxisInput axis={CONFIDENCE_AXIS} name={`${r.id}-confidence`} value={block.confidence ?? undefined} comment=""
                      onChange={(v) => setBlock(r.id, (b) => ({ ...b, confidence: typeof v === "number" ? v : null }))} />
                  </div>
                ) : null}
              </fieldset>
            </section>
          );
        })}
      </div>

      {pairAxes.length ? (
        <fieldset disabled={readOnly}>
          <PairwisePanel axes={pairAxes} pair={[props.responses[0], props.responses[1]]} block={data.pair} strength={props.pairwiseStrength} problemAt={problemAt}
            onChange={(pair) => update({ ...data, pair })} />
        </fieldset>
      ) : null}

      <section className={cardClass} data-block="item">
        <fieldset disabled={readOnly} className="space-y-3">
          {itemAxes.map((axis) => (
            <AxisInput key={axis.key} axis={axis} name={`item-${axis.key}`} value={data.item.ratings[axis.key]}
              comment={data.item.comments[axis.key] ?? ""} onChange={(v) => setItem(axis.key, "ratings", v)}
              onComment={(t) => setItem(axis.key, "comments", t)} problem={problemAt.get(`item.ratings.${axis.key}`)} />
          ))}
          <label className="block text-sm font-medium" htmlFor="overall-comment">Overall comment</label>
          <textarea id="overall-comment" className="w-full rounded border border-slate-300 p-2 text-sm" rows={3}
            value={data.overallComment} onChange={(e) => update({ ...data, overallComment: e.target.value })} data-testid="overall-comment" maxLength={OVERALL_COMMENT_MAX} />
          <TextLimit length={data.overallComment.length} max={OVERALL_COMMENT_MAX} />
        </fieldset>
      </section>

      <ShortcutSheet open={panel === "help"} onClose={() => setPanel("none")} shortcuts={REVIEW_SHORTCUTS} />
      {panel === "skip" ? <SkipDialog open onClose={() => setPanel("none")} onSkip={onSkip} /> : null}
    </div>
  );
}
