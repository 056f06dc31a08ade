import { autoGrade, acceptedRange } from "@/lib/grading/auto-grade";
import { getDb } from "@/lib/db/client";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { readAnnotationData, type AnnotationData } from "@/lib/annotations/schema";
import { imageUrlFor } from "@/lib/items/images";
import { isJudgedAction, readableJson } from "@/lib/tools/actions/actions";
import { noteInputSchema, numericKeySchema, parseItemInput, type Action, type ActionType, type AudioRef, responseAnswerSchema, responseLabel, type Turn } from "@/lib/items/schema";
import { textLimitFor } from "@/lib/annotations/check-context";
import { enabledTools } from "@/lib/tools";
import { regionReviewFor } from "@/lib/tools/regions/review-payload";
import { sortEntries, type PatientRecordView } from "@/lib/items/patient-record";
import { statementsOf } from "@/lib/tools/references/statements";
import { stepTexts } from "@/lib/tools/steps/segment";
import { ensureSegmentations, segmentationVersions, stepSourceText, type Segmentation } from "@/lib/tools/steps/segmentations";
import { errorTypesOf, stepsEnabled } from "@/lib/tools/steps/tool-settings";
import { argumentsForReview } from "@/lib/tools/arguments/review-payload";
import { loadAssignmentSuggestions } from "@/lib/tools/suggestions/load";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { readProjectSettings, type ProjectSettings } from "@/lib/projects/settings";
import { translateAxes, type Original } from "@/lib/projects/axis-translations";
import { toolsOfTemplate, type AxisTemplate } from "@/lib/rubrics/templates";
import { findNextAssignment, isReachable } from "./queue";
import { reviewAxisOf, type StoredAxis } from "@/lib/rubrics/review-axis";
import { loadEarlierRound } from "./earlier-round";
import { assistanceFor } from "./assistance";
import { memberFor, workLockMessage, workLockOf } from "@/lib/qualification/gate";
import { practiceFeedback } from "@/lib/qualification/feedback";

/** The reviewer may not work on this assignment now (qualification first, or paused): the page says why. */
export class WorkLockedError extends Error {}

export type ReviewTurn = { role: Turn["role"]; html: string };

/** One action of an agent's run as the reviewer reads it; `judged` when the reviewer labels it (lib/tools/actions/actions.ts). */
export type ReviewAction = { type: ActionType; role: string; html: string; tool?: string; argumentsText?: string; resultText?: string; test?: string; costUsd?: number; judged: boolean };

async function reviewActions(md: Render, actions: Action[]): Promise<ReviewAction[]> {
  return Promise.all(
    actions.map(async (a) => ({
      type: a.type,
      role: a.role ?? (a.type === "tool_result" ? "environment" : "agent"),
      html: a.content ? await md(a.content) : "",
      ...(a.tool ? { tool: a.tool } : {}),
      ...(a.arguments !== undefined ? { argumentsText: readableJson(a.arguments) } : {}),
      ...(a.result !== undefined ? { resultText: readableJson(a.result) } : {}),
      ...(a.test ? { test: a.test } : {}),
      ...(a.costUsd !== undefined ? { costUsd: a.costUsd } : {}),
      judged: isJudgedAction(a),
    })),
  );
}

export type ReviewResponse = {
  id: string;
  /** "Response A", "Response B" in this reviewer's randomized order (pairwise options follow it). */
  displayLabel: string;
  contentHtml: string;
  reasoningHtml: string | null;
  /** Reasoning length, so the page can say how long the collapsed trace is. */
  reasoningChars: number;
  /** mcq: the option the model chose (`choices`: several, select all that apply); `choiceCorrect` only when the project reveals the answer. */
  choice?: string;
  choices?: string[];
  choiceCorrect?: boolean;
  /** qa with a numeric key: the number the model answered; `numericCorrect` only when the project reveals the answer. */
  numeric?: { value: number; unit?: string };
  numericCorrect?: boolean;
  /** ddx: ranked list. */
  differential?: Array<{ diagnosis: string; rationaleHtml: string | null }>;
  /** dialogue rated as a whole: the model's turns. */
  turns?: ReviewTurn[];
  /** Summary items: the summary as stored (the grounding tool marks stretches of it). */
  summaryText?: string;
  /** Record items: the output as stored (the record-links tool marks its statements). */
  recordOutput?: string;
  /** The sources the response cites, with the claim each backs and its passage (plain text). */
  citations?: Array<{ claim?: string; title: string; url?: string; doi?: string; pmid?: string; passage?: string }>;
  /** trajectory: the agent's run, action by action (JSON arguments and results formatted). */
  actions?: ReviewAction[];
  /** Present only when the project is not blinded. */
  modelName?: string;
  /** The answer's markdown source, when the project asks for corrections (the corrections tool starts from it). */
  contentText?: string;
  /**
   * Reasoning steps to label (the steps tool): the segmentation version shown — the one the reviewer's
   * labels were made on, else the latest — over the reasoning (or the content when there is none).
   */
  steps?: { version: number; over: "reasoning" | "content"; html: string[] };
};

/** A recording to play (voice consultations): by item id, never by file name; the transcript as imported. */
export type ReviewAudio = { url: string; caption?: string; transcript?: Array<{ speaker?: string; start?: number; end?: number; text: string }> };

function reviewAudio(itemId: string, audio: AudioRef | undefined): { audio: ReviewAudio } | object {
  if (!audio) return {};
  return { audio: { url: `/api/v1/items/${encodeURIComponent(itemId)}/audio`, ...(audio.caption ? { caption: audio.caption } : {}), ...(audio.transcript ? { transcript: audio.transcript } : {}) } };
}

export type ReviewItem =
  | { kind: "qa"; questionHtml: string; contextHtml: string | null; numericKey?: { value: number; unit?: string; low: number; high: number } | null; audio?: ReviewAudio }
  | { kind: "mcq"; questionHtml: string; options: Array<{ key: string; html: string }>; correctOption: string | null; correctOptions?: string[] | null }
  | { kind: "dialogue"; turns: ReviewTurn[]; target: "final_turn" | "whole_dialogue"; audio?: ReviewAudio }
  | { kind: "vqa"; questionHtml: string; images: Array<{ src: string; alt: string; modality?: string; view?: string; caption?: string }>; layout?: "tabs" | "stack" | "compare" }
  | { kind: "note"; sentences: Array<{ id: string; text: string }> }
  | { kind: "ddx"; caseHtml: string }
  | { kind: "trajectory"; caseHtml: string; tools: Array<{ name: string; description?: string }> }
  | { kind: "summary"; instructionHtml: string | null; source: string }
  | { kind: "record"; questionHtml: string; record: PatientRecordView };

export type ReviewCriterion = { id: string; text: string; points: number; tags: string[] };

/** A rubric axis as the review form needs it (the template's shape, with database nulls). */
export type ReviewAxis = Omit<AxisTemplate, "min" | "max" | "polarity" | "best" | "optionsFrom"> & {
  min: number | null;
  max: number | null;
  polarity?: AxisTemplate["polarity"];
  /** The best answer as stored ("yes", "5", "true"), marked on screen. */
  best?: string;
  /** TEXT axes: the longest answer the server accepts (shown before it refuses). */
  maxLength?: number;
  /** The options are the note's sentences: the reviewer may also click a sentence in the note. */
  pickSentence?: true;
  /** Set when the label, help or options are shown translated: the rubric's own (English) wording. */
  original?: Original;
};

type Render = (text: string | undefined | null) => Promise<string>;

/** Markdown renderer for one project: remote images only from its allow-listed hosts. */
export function markdownFor(settings: ProjectSettings): Render {
  return (text) => (text ? renderMarkdown(text, { imageHosts: settings.imageHosts }) : Promise.resolve(""));
}

async function renderTurns(md: Render, turns: Turn[]): Promise<ReviewTurn[]> {
  return Promise.all(turns.map(async (t) => ({ role: t.role, html: await md(t.content) })));
}

export async function buildItem(md: Render, itemId: string, kind: string, rawInput: unknown, reference: unknown, settings: ProjectSettings): Promise<ReviewItem> {
  const input = parseItemInput(kind, rawInput);
  switch (input.kind) {
    case "qa": {
      const key = numericKeySchema.safeParse((reference as { numeric?: unknown } | null)?.numeric);
      // The range as a reader expects it (30.498, not 30.497999999999998); grading uses the exact one.
      const range = key.success ? acceptedRange(key.data) : null;
      const shown = (x: number) => Number(x.toPrecision(10));
      const numericKey = key.success && range && settings.revealMcqAnswer ? { value: key.data.value, ...(key.data.unit ? { unit: key.data.unit } : {}), low: shown(range.low), high: shown(range.high) } : null;
      return { kind: "qa", questionHtml: await md(input.question), contextHtml: input.context ? await md(input.context) : null, ...(numericKey ? { numericKey } : {}), ...reviewAudio(itemId, input.audio) };
    }
    case "mcq": {
      const correct = (reference as { correctOption?: string } | null)?.correctOption ?? null;
      const correctSet = (reference as { correctOptions?: string[] } | null)?.correctOptions ?? null;
      return {
        kind: "mcq",
        questionHtml: await md(input.question),
        options: await Promise.all(input.options.map(async (o) => ({ key: o.key, html: await md(o.text) }))),
        correctOption: settings.revealMcqAnswer ? correct : null,
        ...(correctSet && settings.revealMcqAnswer ? { correctOptions: correctSet } : {}),
      };
    }
    case "dialogue":
      return { kind: "dialogue", turns: await renderTurns(md, input.turns), target: settings.dialogueTarget, ...reviewAudio(itemId, input.audio) };
    case "vqa":
      return {
        kind: "vqa",
        questionHtml: await md(input.question),
        images: input.images.map((image, i) => ({
          src: imageUrlFor(itemId, i, image.src),
          alt: image.caption ?? `Image ${i + 1}${image.modality ? ` (${image.modality})` : ""}`,
          ...(image.modality ? { modality: image.modality } : {}),
          ...(image.view ? { view: image.view } : {}),
          ...(image.caption ? { caption: image.caption } : {}),
        })),
        ...(input.layout ? { layout: input.layout } : {}),
      };
    case "note":
      return { kind: "note", sentences: input.sentences };
    case "ddx":
      return { kind: "ddx", caseHtml: await md(input.case) };
    case "trajectory":
      return { kind: "trajectory", caseHtml: await md(input.case), tools: input.tools ?? [] };
    case "summary":
      // The source stays raw text: the grounding tool's offsets count in it, and it is shown as text.
      return { kind: "summary", instructionHtml: input.instruction ? await md(input.instruction) : null, source: input.source };
    case "record":
      // Entries stay text (shown as text, searched as text), in date order.
      return { kind: "record", questionHtml: await md(input.question), record: { ...(input.record.patient ? { patient: input.record.patient } : {}), entries: sortEntries(input.record.entries) } };
  }
}

/** The segmentation each response is labelled on: the version the reviewer's labels name, else the latest. */
async function segmentationsForReview(responses: Array<{ id: string; content: string; reasoning: string | null; steps: unknown }>, data: AnnotationData) {
  const latest = await ensureSegmentations(responses);
  const named = Object.entries(data.steps ?? {}).map(([responseId, b]) => ({ responseId, version: b.segmentationVersion }));
  const versions = await segmentationVersions(named.filter((p) => latest.get(p.responseId)?.version !== p.version));
  for (const p of named) {
    const own = versions.get(`${p.responseId}@${p.version}`);
    if (own) latest.set(p.responseId, own);
  }
  return latest;
}

async function stepsForReview(md: Render, r: { content: string; reasoning: string | null }, s: Segmentation) {
  const text = stepSourceText(r);
  return { version: s.version, over: text === r.content ? ("content" as const) : ("reasoning" as const), html: await Promise.all(stepTexts(text, s.steps).map((t) => md(t))) };
}

/** Stored rubric axes as the review form renders them for one item (also the adjudication page's consensus form). */
export function toReviewAxes(rubricAxes: readonly StoredAxis[], item: { kind: string; input: unknown }): ReviewAxis[] {
  const textLimit = textLimitFor(item.kind, item.input);
  return rubricAxes.map((a) => reviewAxisOf(a, { textLimit, ...(a.optionsFrom === "note_sentences" ? { sentences: sentenceOptions(item.kind, item.input) } : {}) }));
}

/** A "pick the sentence" axis offers the note's own sentences, by their ids. */
function sentenceOptions(kind: string, input: unknown): ReviewAxis["options"] {
  if (kind !== "NOTE") return [];
  const sentences = noteInputSchema.safeParse(input).data?.sentences ?? [];
  return sentences.map((s) => ({ value: s.id, label: `${s.id}: ${s.text.length > 90 ? `${s.text.slice(0, 87)}…` : s.text}`, help: s.text }));
}

/**
 * Everything the review page needs, and nothing it must not show: the payload is built here,
 * on the server, so under blinding model names never reach the browser, gold status and gold
 * answers never do, and only the caller's own annotation is ever loaded.
 */
/** `locale`: the reader's UI language; the project's translations of axis wording for it are applied (decision 036). */
export async function loadAssignmentForReview(actor: Actor, assignmentId: string, opts: { locale?: string | null } = {}) {
  const db = getDb();
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, reviewerId: actor.id },
    include: {
      item: { include: { responses: true, criteria: { orderBy: { position: "asc" } } } },
      batch: { include: { project: { include: { members: memberFor(actor.id) } } } },
      precededBy: { select: { status: true } },
      rubric: { include: { axes: { orderBy: { position: "asc" } } } },
      // The latest revision's mutation id lets the browser tell whether a save it sent before a crash landed.
      annotation: { include: { revisions: { orderBy: { version: "desc" }, take: 1, select: { clientMutationId: true } } } },
    },
  });
  // Not reachable by URL before it opens: repeats after a washout, a study arm's second phase before the first is submitted.
  if (!assignment || !isReachable(assignment)) throw new NotFoundError("Assignment not found.");
  const lock = workLockOf(assignment.batch);
  if (lock) throw new WorkLockedError(workLockMessage(lock, assignment.batch.project.members[0]?.pauseReason));
  const { project } = assignment.batch;
  const settings = readProjectSettings(project.settings);
  const md = markdownFor(settings);
  const byId = new Map(assignment.item.responses.map((r) => [r.id, r]));

  const stepsOn = stepsEnabled(toolsOfTemplate(assignment.rubric.templateKey), settings);
  const ownData = readAnnotationData(assignment.annotation?.data);
  const segmentations = stepsOn ? await segmentationsForReview(assignment.item.responses, ownData) : new Map<string, Segmentation>();
  const responses: ReviewResponse[] = await Promise.all(
    assignment.responseOrder.map(async (id, index) => {
      const r = byId.get(id);
      if (!r) throw new Error(`Assignment ${assignment.id} lists unknown response ${id}.`);
      const answer = responseAnswerSchema.safeParse(r.answer ?? {});
      const { choice, choices, numeric, differential, turns, actions, citations } = answer.success ? answer.data : {};
      // The automatic grade, shown only where the project reveals the answer key (lib/grading/auto-grade.ts).
      const grade = settings.revealMcqAnswer ? autoGrade(assignment.item.reference, r.answer) : null;
      return {
        id: r.id,
        displayLabel: `Response ${responseLabel(index)}`,
        contentHtml: await md(r.content),
        reasoningHtml: r.reasoning ? await md(r.reasoning) : null,
        reasoningChars: r.reasoning?.length ?? 0,
        ...(choice ? { choice } : {}),
        ...(choices ? { choices } : {}),
        ...((choice || choices) && grade !== null ? { choiceCorrect: grade } : {}),
        ...(numeric ? { numeric } : {}),
        ...(numeric && grade !== null ? { numericCorrect: grade } : {}),
        ...(differential
          ? { differential: await Promise.all(differential.map(async (d) => ({ diagnosis: d.diagnosis, rationaleHtml: d.rationale ? await md(d.rationale) : null }))) }
          : {}),
        ...(turns ? { turns: await renderTurns(md, turns) } : {}),
        ...(actions ? { actions: await reviewActions(md, actions) } : {}),
        ...(citations ? { citations } : {}),
        ...(assignment.item.kind === "SUMMARY" ? { summaryText: r.content } : {}),
        ...(assignment.item.kind === "RECORD" ? { recordOutput: r.content } : {}),
        ...(project.blinded ? {} : { modelName: r.modelName }),
        ...(segmentations.has(r.id) ? { steps: await stepsForReview(md, r, segmentations.get(r.id)!) } : {}),
        // Corrections start from the model's own text (markdown source, shown only as text to edit).
        ...(settings.corrections?.enabled ? { contentText: r.content } : {}),
      };
    }),
  );

  const regionReview = regionReviewFor(assignment.item, assignment.responseOrder, settings.regions);
  const argumentReview = argumentsForReview(assignment.item, assignment.responseOrder.map((id) => byId.get(id)!), toolsOfTemplate(assignment.rubric.templateKey), settings);
  const referenceStatements = statementsOf(assignment.item.reference);
  const axes = translateAxes(toReviewAxes(assignment.rubric.axes, assignment.item), settings.axisTranslations, opts.locale);
  const suggestions = await loadAssignmentSuggestions(db, { projectId: project.id, settings, isQualification: assignment.batch.isQualification, arm: assignment.arm, responseIds: assignment.responseOrder, axes: assignment.rubric.axes });

  const [item, guidelinesHtml, next, itemsInBatch] = await Promise.all([
    buildItem(md, assignment.item.id, assignment.item.kind, assignment.item.input, assignment.item.reference, settings),
    md(project.guidelines),
    findNextAssignment(actor, { id: assignment.id, batchId: assignment.batchId, projectId: project.id, displayOrder: assignment.displayOrder }),
    db.assignment.count({ where: { reviewerId: actor.id, batchId: assignment.batchId } }),
  ]);
  const { phase, assistance } = await assistanceFor(md, assignment);
  const practice = assignment.batch.isQualification ? { attempt: assignment.attempt, feedback: await practiceFeedback(md, assignment, axes) } : null;
  const earlierRound = assignment.batch.showsEarlierRound ? await loadEarlierRound({ itemId: assignment.itemId, batchId: assignment.batchId, axes, responseOrder: assignment.responseOrder }) : null;

  return {
    assignment: {
      id: assignment.id,
      status: assignment.status,
      displayOrder: assignment.displayOrder,
      /** "Item n of m": the same numbering as the queue (the reviewer's order within the batch). */
      number: assignment.displayOrder + 1,
      itemsInBatch,
      batchId: assignment.batchId,
      batchName: assignment.batch.name,
      skipReason: assignment.skipReason,
      timeOnTaskMs: assignment.timeOnTaskMs,
    },
    project: {
      slug: project.slug,
      name: project.name,
      guidelinesHtml,
      blinded: project.blinded,
      askConfidence: settings.askConfidence,
      pairwiseStrength: settings.pairwiseStrength,
    },
    /** The tools of this review (lib/tools registry): the page composes their panels. */
    tools: enabledTools({
      axes: assignment.rubric.axes,
      templateTools: toolsOfTemplate(assignment.rubric.templateKey),
      itemKind: assignment.item.kind,
      criteriaCount: assignment.item.criteria.length,
      responseCount: assignment.responseOrder.length,
      statementCount: referenceStatements.length,
      stepsEnabled: stepsOn,
      argumentsEnabled: argumentReview.targets.length > 0,
      correctionsEnabled: settings.corrections?.enabled ?? false,
      suggestionCount: suggestions?.values.length ?? 0,
      citationCount: responses.reduce((n, r) => n + (r.citations?.length ?? 0), 0),
      regionsEnabled: regionReview !== null,
    }),
    /** Regions on the item's images: labels, pixel spacing, sentences to link and the models' localizations (null when not marked). */
    regionReview,
    /** A judge's values to pre-fill or show after the reviewer's own ratings (decision 034); the judge is named only in unblinded projects. */
    suggestions: suggestions ? { ...suggestions, judge: project.blinded ? null : (settings.suggestions?.judge ?? null) } : null,
    /** Argument structure: the texts to annotate (raw, as offsets count them), the label set, pre-annotations. */
    argumentReview,
    /** Reasoning steps: the project's error types and whether each step's kind is asked. */
    stepSettings: { errorTypes: errorTypesOf(settings).map(({ key, label, help }) => ({ key, label, help })), requireKind: settings.steps.requireKind },
    /** A Delphi-style round: the group's earlier answers to this item, counted and anonymized (null otherwise). */
    earlierRound,
    /** Study arms: the phase (null outside an arms batch), and the assistance material, only in the assisted phase. */
    phase,
    assistance,
    /** A qualification round's practice item: its attempt, and after submit the known answers beside the reviewer's (null elsewhere). */
    practice,
    /** The item's reference reasoning statements, to mark covered (the rest of the reference is never sent). */
    referenceStatements,
    // The external id can encode the source or model; reviewers see only the queue position.
    item,
    /** The item's language (a BCP 47 tag such as "en", "ar"): its text and its responses are shown in that direction. */
    itemLanguage: assignment.item.language,
    criteria: assignment.item.criteria.map((c): ReviewCriterion => ({ id: c.id, text: c.text, points: c.points, tags: c.tags.filter((t) => t.startsWith("axis:")) })),
    responses,
    axes,
    /** Prefetched by the page so that "submit and next" opens instantly; stays in the batch, then the project. */
    nextAssignmentId: next?.id ?? null,
    nextScope: next?.scope ?? null,
    annotation: {
      version: assignment.annotation?.version ?? 0,
      data: ownData,
      lastMutationId: assignment.annotation?.revisions[0]?.clientMutationId ?? null,
    },
  };
}

export type ReviewPayload = Awaited<ReturnType<typeof loadAssignmentForReview>>;
