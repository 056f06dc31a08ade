import { getDb } from "@/lib/db/client";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import type { AnnotationData } from "@/lib/annotations/schema";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { qaInputSchema } from "@/lib/items/schema";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import type { AxisTemplate } from "@/lib/rubrics/templates";

export type ReviewResponse = {
  id: string;
  /** "Response 1", "Response 2" in this reviewer's randomized order. */
  displayLabel: string;
  contentHtml: string;
  reasoningHtml: string | null;
  /** Present only when the project is not blinded. */
  modelName?: string;
};

/** A rubric axis as the review form needs it (the template's shape, with database nulls). */
export type ReviewAxis = Omit<AxisTemplate, "min" | "max" | "polarity"> & { min: number | null; max: number | null };

/**
 * Everything the review page needs, and nothing it must not show: the payload is built here,
 * on the server, so under blinding model names never reach the browser, and only the caller's
 * own annotation is ever loaded.
 */
export async function loadAssignmentForReview(actor: Actor, assignmentId: string) {
  const db = getDb();
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, reviewerId: actor.id },
    include: {
      item: { include: { responses: true } },
      batch: { include: { project: true } },
      rubric: { include: { axes: { orderBy: { position: "asc" } } } },
      annotation: true,
    },
  });
  if (!assignment) throw new NotFoundError("Assignment not found.");
  const { project } = assignment.batch;
  const input = qaInputSchema.parse(assignment.item.input);
  const byId = new Map(assignment.item.responses.map((r) => [r.id, r]));

  const responses: ReviewResponse[] = await Promise.all(
    assignment.responseOrder.map(async (id, index) => {
      const r = byId.get(id);
      if (!r) throw new Error(`Assignment ${assignment.id} lists unknown response ${id}.`);
      return {
        id: r.id,
        displayLabel: `Response ${index + 1}`,
        contentHtml: await renderMarkdown(r.content),
        reasoningHtml: r.reasoning ? await renderMarkdown(r.reasoning) : null,
        ...(project.blinded ? {} : { modelName: r.modelName }),
      };
    }),
  );

  const axes: ReviewAxis[] = assignment.rubric.axes.map((a) => ({
    key: a.key,
    label: a.label,
    help: a.help,
    type: a.type,
    appliesTo: a.appliesTo,
    required: a.required,
    options: a.options as ReviewAxis["options"],
    min: a.min,
    max: a.max,
  }));

  return {
    assignment: {
      id: assignment.id,
      status: assignment.status,
      displayOrder: assignment.displayOrder,
      batchName: assignment.batch.name,
    },
    project: { slug: project.slug, name: project.name, guidelinesHtml: await renderMarkdown(project.guidelines), blinded: project.blinded },
    item: {
      // The external id can encode the source or model; reviewers see only the queue position.
      questionHtml: await renderMarkdown(input.question),
      contextHtml: input.context ? await renderMarkdown(input.context) : null,
    },
    responses,
    axes,
    annotation: {
      version: assignment.annotation?.version ?? 0,
      data: (assignment.annotation?.data as AnnotationData | undefined) ?? emptyAnnotationData(),
    },
  };
}

export type ReviewPayload = Awaited<ReturnType<typeof loadAssignmentForReview>>;
