"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { ReviewAxis, ReviewCriterion, ReviewResponse } from "@/lib/assignments/load-for-review";
import type { AnnotationData, RatingValue, ResponseBlock } from "@/lib/annotations/schema";
import { changeLabelsFor } from "@/lib/annotations/change-labels";
import type { ToolId } from "@/lib/tools/types";
import { PlainText } from "@/components/ui/markdown";
import { buttonClass, cardClass, secondaryButtonClass } from "@/components/ui/styles";
import { ConflictPanel } from "./conflict-panel";
import { ResponseBody } from "./response-body";
import { RevisionHistory } from "./revision-history";
import { SaveStatus } from "./save-status";
import { TextLimit } from "./text-limit";
import { ShortcutSheet } from "./shortcut-sheet";
import { CLIENT_TOOLS, shortcutsFor } from "./tools";
import type { ToolPanelProps } from "./tools/types";
import { SkipDialog } from "./skip-dialog";
import { useActiveTime } from "./use-active-time";
import { useAutosave } from "./use-autosave";
import { useReviewKeyboard } from "./use-review-keyboard";
import { useSentencePicking } from "./use-sentence-picking";
import { jumpToProblem } from "./problem-target";
import { useResponseName } from "./response-name";
import { useProblemText } from "./problem-text";

type Value = RatingValue | undefined;

const emptyBlock = (): ResponseBlock => ({ ratings: {}, comments: {} });

/** As in the annotation schema (lib/annotations/schema.ts). */
const OVERALL_COMMENT_MAX = 50_000;

export function ReviewForm(props: {
  assignmentId: string;
  status: "PENDING" | "IN_PROGRESS" | "SUBMITTED" | "SKIPPED";
  responses: ReviewResponse[];
  /** The item's language: the responses' text is shown in its direction. */
  language?: string | null;
  axes: ReviewAxis[];
  criteria: ReviewCriterion[];
  askConfidence: boolean;
  pairwiseStrength: boolean;
  /** The tools of this review (lib/tools enabledTools): the page composes their panels. */
  tools: ToolId[];
  /** The item's reference reasoning statements (reference-statements tool). */
  referenceStatements: string[];
  /** Summary items: the source document as stored (the grounding tool marks omissions in it). */
  summarySource?: string;
  /** Regions on the item's images (the regions tool), when the review marks them. */
  regions?: ToolPanelProps["regions"];
  /** Record items: the patient record (the record-links tool). */
  record?: ToolPanelProps["record"];
  stepSettings: ToolPanelProps["stepSettings"];
  argumentReview: ToolPanelProps["argumentReview"];
  suggestions: ToolPanelProps["suggestions"];
  /** Where "submit" goes; null: stay and re-render this page (a practice item then shows its feedback). */
  nextHref: string | null;
  /** The server's annotation when the page was rendered (version, document, latest mutation id). */
  annotation: { version: number; data: AnnotationData; lastMutationId: string | null };
}) {
  const router = useRouter();
  const t = useTranslations("review.form");
  const responseName = useResponseName();
  const problemText = useProblemText();
  const takeActiveTime = useActiveTime();
  const { data, update, state, problems, pendingChanges, submit, resolveConflict } = useAutosave({
    assignmentId: props.assignmentId,
    server: { ...props.annotation, isFinal: props.status === "SUBMITTED" || props.status === "SKIPPED" },
    takeActiveTime,
  });
  const [panel, setPanel] = useState<"none" | "help" | "skip" | "history">("none");
  // Marked once the form is interactive (keyboard listeners attached): tests wait for it instead of sleeping.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.setAttribute("data-hydrated", "true"), []);
  const readOnly = props.status === "SUBMITTED" || props.status === "SKIPPED" || state.kind === "submitted" || state.kind === "locked";
  const itemAxes = props.axes.filter((a) => a.appliesTo === "ITEM");
  const enabled = useMemo(() => new Set(props.tools), [props.tools]);
  const tools = CLIENT_TOOLS.filter((tool) => enabled.has(tool.id));
  const problemAt = useMemo(() => new Map(problems.map((p) => [p.path, p.message])), [problems]);
  const labels = useMemo(
    () => changeLabelsFor(props.axes, props.responses.map((r) => r.id), props.criteria.map((c, position) => ({ id: c.id, position }))),
    [props.axes, props.responses, props.criteria],
  );

  const setBlock = (responseId: string, patch: (block: ResponseBlock) => ResponseBlock) =>
    update({ ...data, responses: { ...data.responses, [responseId]: patch(data.responses[responseId] ?? emptyBlock()) } });
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
    if (props.nextHref) router.prefetch(props.nextHref, { kind: "full" } as Parameters<typeof router.prefetch>[1]);
  }, [router, props.nextHref]);

  // A prefetched copy of this page would be the pre-submit one: staying means a fresh render.
  const goOn = () => (props.nextHref ? router.push(props.nextHref) : router.refresh());
  const onSubmit = () => submit(goOn);
  const onSkip = async (reason: string): Promise<string | null> => {
    const response = await fetch(`/api/v1/assignments/${props.assignmentId}/skip`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason, timeOnTaskDeltaMs: takeActiveTime() }),
    }).catch(() => null);
    if (!response) return t("skipUnreachable");
    const body = await response.json().catch(() => ({}));
    if (!response.ok) return body.message ?? body.issues?.[0]?.message ?? body.error ?? t("skipRefused", { status: String(response.status) });
    goOn();
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

  // A summary's card holds the summary and its source side by side: it gets the page's width.
  const gridCols = props.responses.length > 1 && props.summarySource === undefined ? "lg:grid-cols-2" : "";
  const panelProps: ToolPanelProps = {
    data, update, axes: props.axes, criteria: props.criteria, responses: props.responses, problemAt, enabled, statements: props.referenceStatements, stepSettings: props.stepSettings, argumentReview: props.argumentReview,
    suggestions: props.suggestions, readOnly, language: props.language, ...(props.summarySource !== undefined ? { summarySource: props.summarySource } : {}), ...(props.regions ? { regions: props.regions } : {}), ...(props.record ? { record: props.record } : {}),
    settings: { askConfidence: props.askConfidence, pairwiseStrength: props.pairwiseStrength },
  };
  return (
    <div className="space-y-4" ref={root} data-testid="review-form">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-slate-50/95 py-2 backdrop-blur">
        <SaveStatus state={state} pendingChanges={pendingChanges} />
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => setPanel(panel === "help" ? "none" : "help")} title="?" aria-keyshortcuts="?">{t("shortcuts")}</button>
          <button type="button" className={secondaryButtonClass} onClick={() => setPanel(panel === "history" ? "none" : "history")} aria-expanded={panel === "history"} aria-keyshortcuts="h" data-testid="history-toggle">{t("history")}</button>
          {!readOnly ? (
            <>
              <button type="button" className={secondaryButtonClass} onClick={() => setPanel("skip")} aria-keyshortcuts="s" data-testid="skip">{t("skip")}</button>
              <button type="button" className={buttonClass} onClick={onSubmit} data-testid="submit" title="Ctrl+Enter" aria-keyshortcuts="Control+Enter">{t("submit")}</button>
            </>
          ) : (
            <span className="text-sm text-slate-600" data-testid="read-only">{props.status === "SKIPPED" ? t("readOnlySkipped") : t("readOnlySubmitted")}</span>
          )}
        </div>
      </div>

      {state.kind === "conflict" ? <ConflictPanel mine={data} theirs={state.serverData} labels={labels} onChoose={resolveConflict} /> : null}

      {problems.length ? (
        <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="submit-problems" role="alert">
          <p className="font-medium">{problems.length > 12 ? t("problemsMany", { count: problems.length }) : t("problems")}</p>
          <ul className="list-disc ps-5">
            {problems.slice(0, 12).map((p) => (
              <li key={p.path}>
                <button type="button" className="text-start underline decoration-dotted hover:decoration-solid" onClick={() => jumpToProblem(root.current, p.path)} data-testid="problem-link">
                  {problemText(p)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {panel === "history" ? <RevisionHistory assignmentId={props.assignmentId} refreshKey={state.kind} /> : null}

      {tools.map((tool) => (tool.LeadPanel ? <tool.LeadPanel key={tool.id} {...panelProps} /> : null))}

      <div className={`grid gap-4 ${gridCols}`}>
        {props.responses.map((r) => {
          const block = data.responses[r.id] ?? emptyBlock();
          return (
            <section key={r.id} className={cardClass} aria-label={responseName(r.displayLabel)} data-testid="response" data-response-id={r.id}>
              <h2 className="mb-2 font-semibold">
                {responseName(r.displayLabel)}
                {r.modelName ? <span className="ms-2 text-sm font-normal text-slate-500"><PlainText text={r.modelName} /></span> : null}
              </h2>
              <ResponseBody response={r} language={props.language} gradedDifferential={enabled.has("ddx-match") && Boolean(r.differential)} ratedTurns={enabled.has("turns")} />
              <fieldset disabled={readOnly} className="mt-4 space-y-3">
                {tools.map((tool) => (tool.ResponsePanel ? <tool.ResponsePanel key={tool.id} {...panelProps} response={r} block={block} setBlock={(patch) => setBlock(r.id, patch)} /> : null))}
                {tools.map((tool) => (tool.ResponseFooter ? <tool.ResponseFooter key={tool.id} {...panelProps} response={r} block={block} setBlock={(patch) => setBlock(r.id, patch)} /> : null))}
              </fieldset>
            </section>
          );
        })}
      </div>

      {tools.map((tool) => (tool.ComparisonPanel ? (
        <fieldset key={tool.id} disabled={readOnly}>
          <tool.ComparisonPanel {...panelProps} />
        </fieldset>
      ) : null))}

      <section className={cardClass} data-block="item">
        <fieldset disabled={readOnly} className="space-y-3">
          {tools.map((tool) => (tool.ItemPanel ? <tool.ItemPanel key={tool.id} {...panelProps} /> : null))}
          <label className="block text-sm font-medium" htmlFor="overall-comment">{t("overallComment")}</label>
          <textarea id="overall-comment" className="w-full rounded border border-slate-300 p-2 text-sm" rows={3}
            value={data.overallComment} onChange={(e) => update({ ...data, overallComment: e.target.value })} data-testid="overall-comment" maxLength={OVERALL_COMMENT_MAX} />
          <TextLimit length={data.overallComment.length} max={OVERALL_COMMENT_MAX} />
        </fieldset>
      </section>

      <ShortcutSheet open={panel === "help"} onClose={() => setPanel("none")} shortcuts={shortcutsFor(enabled)} />
      {panel === "skip" ? <SkipDialog open onClose={() => setPanel("none")} onSkip={onSkip} /> : null}
    </div>
  );
}
