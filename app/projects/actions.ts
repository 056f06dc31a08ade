"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { deleteBatch, moveReviewerWork, setBatchDueDate } from "@/lib/assignments/batch-changes";
import { createBatch, previewBatch } from "@/lib/assignments/create-batch";
import { isDefaultSelection, itemSelectionSchema, selectItemIds } from "@/lib/assignments/select-items";
import { resolveAssignmentList } from "@/lib/assignments/fixed-list";
import { createProject } from "@/lib/projects/create-project";
import { setProjectArchived } from "@/lib/projects/archive";
import { findProjectForActor } from "@/lib/projects/access";
import { addMemberByEmail, memberRoleSchema, removeMemberByEmail } from "@/lib/projects/members";
import { createProjectSchema } from "@/lib/projects/schema";
import { checkbox, settingsFormFields, settingsFromForm } from "@/lib/projects/settings-form";
import { updateProjectSettings } from "@/lib/projects/update-settings";
import { updateProjectDetails, type ProjectDetails } from "@/lib/projects/update-details";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { startExportJob } from "@/lib/export-jobs/export-jobs";

export const createProjectAction = authedAction(
  "project:create",
  createProjectSchema.omit({ settings: true }).extend({ blinded: checkbox, randomizeOrder: checkbox, ...settingsFormFields }),
  async (actor, input) => {
    const project = await createProject(actor.id, { ...input, settings: settingsFromForm(input) });
    revalidatePath("/projects");
    return { slug: project.slug };
  },
);

const batchFormSchema = z.object({
  slug: z.string().min(1),
  name: z.string().trim().min(1, { error: "Batch name is required." }).max(120),
  perItem: z.coerce.number().int().min(1).max(50),
  "reviewerIds[]": z.array(z.string().min(1)).min(1, { error: "Choose at least one reviewer." }).optional(),
  dueAt: z.string().optional().transform((v) => (v ? new Date(v) : undefined)),
  /** Gold items: to every chosen reviewer, mixed in at a rate (percent of each queue), or planned like others. */
  gold: z.enum(["all", "rate", "planned"]).default("all"),
  goldRatePercent: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().gt(0, { error: "The gold rate must be above 0 %." }).lt(90, { error: "The gold rate must be below 90 %." }).optional()),
  matchSpecialty: checkbox,
  showsEarlierRound: checkbox,
  /** A qualification round: the project's gold items (or the chosen ones) to every chosen reviewer, with feedback. */
  isQualification: checkbox,
  /** Repeat ratings for intra-rater reliability: percent of each reviewer's items, and the washout. */
  repeatPercent: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), z.coerce.number().min(0).max(50, { error: "Repeat at most 50 % of the items." })),
  washoutItems: z.preprocess((v) => (v === "" || v === undefined ? 10 : v), z.coerce.number().int().min(0).max(100_000)),
  washoutDays: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), z.coerce.number().int().min(0).max(365)),
  /** Study arms: none, or the design with its assistance ("reference" or "response:B") and title, and the crossover washout. */
  armDesign: z.enum(["none", "sequential", "crossover"]).default("none"),
  assistMaterial: z.string().regex(/^(reference|response:[A-Z])$/, { error: "Choose the assistance: the reference, or a response." }).default("reference"),
  assistTitle: z.string().default(""),
  armWashoutDays: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), z.coerce.number().int().min(0).max(365)),
  /** A fixed list, CSV external_id,reviewer (email): assigned as given instead of planned. */
  assignmentList: z.preprocess((v) => (typeof v === "string" && !v.trim() ? undefined : v), z.string().max(5_000_000).optional()),
  quota: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1, { error: "The quota is at least 1." }).optional()),
  /** Responses shown per assignment (a balanced subset, e.g. 2 for pairwise over many models); empty: all. */
  responsesShown: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(2, { error: "Show at least 2 responses per assignment." }).max(8, { error: "Show at most 8 responses per assignment." }).optional()),
  /** The previewed plan's seed: creating with it writes exactly what the preview showed. */
  seed: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).optional()),
  ...itemSelectionSchema.shape,
});

/** The form's study arms as createBatch takes them (lib/assignments/study-arms.ts checks them). */
function armsOf(input: z.output<typeof batchFormSchema>) {
  if (input.armDesign === "none") return {};
  const [material, label] = input.assistMaterial.split(":");
  const assist = material === "response" ? { material: "response" as const, label, title: input.assistTitle } : { material: "reference" as const, title: input.assistTitle };
  return { arms: { design: input.armDesign, assist, washoutDays: input.armDesign === "crossover" ? input.armWashoutDays : 0 } };
}

/** The batch's input; the item selection resolved to ids unless it is the default (every item not in a batch), or a fixed list's pairs. */
async function batchInput(projectId: string, input: z.output<typeof batchFormSchema>) {
  if (input.assignmentList) {
    const pairs = await resolveAssignmentList(projectId, input.assignmentList);
    return { name: input.name, perItem: input.perItem, reviewerIds: [...new Set(pairs.map((p) => p.reviewerId))], dueAt: input.dueAt, pairs, showsEarlierRound: input.showsEarlierRound, ...armsOf(input), ...(input.seed !== undefined ? { seed: input.seed } : {}) };
  }
  const selection = { from: input.from, kind: input.kind, specialty: input.specialty, language: input.language, metadata: input.metadata, externalIds: input.externalIds };
  return {
    name: input.name,
    perItem: input.perItem,
    reviewerIds: input["reviewerIds[]"] ?? [],
    dueAt: input.dueAt,
    goldToAllReviewers: input.gold === "all",
    ...(input.gold === "rate" ? { goldRate: (input.goldRatePercent ?? 10) / 100 } : {}),
    matchSpecialty: input.matchSpecialty,
    showsEarlierRound: input.showsEarlierRound,
    isQualification: input.isQualification,
    ...(input.repeatPercent > 0 ? { repeats: { share: input.repeatPercent / 100, washoutItems: input.washoutItems, washoutDays: input.washoutDays } } : {}),
    ...armsOf(input),
    ...(input.quota !== undefined ? { quota: input.quota } : {}),
    ...(input.responsesShown !== undefined ? { responsesShown: input.responsesShown } : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    ...(isDefaultSelection(selection) ? {} : { itemIds: await selectItemIds(projectId, selection) }),
  };
}

export const previewBatchAction = authedAction(
  "batch:assign",
  batchFormSchema,
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "batch:assign");
    return previewBatch(project.id, await batchInput(project.id, input));
  },
);

export const createBatchAction = authedAction(
  "batch:assign",
  batchFormSchema,
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "batch:assign");
    const result = await createBatch(actor.id, project.id, await batchInput(project.id, input));
    revalidatePath(`/projects/${project.slug}`);
    return { batchId: result.batch.id, items: result.items, assignments: result.assignments, leftOut: result.uncovered, repeats: result.repeats, repeatBatch: result.repeatBatch?.name ?? null, phaseBatch: result.phaseBatch?.name ?? null };
  },
  async (r) => {
    const t = await getTranslations("project.actions");
    return [
      t("assigned", { items: r.items, assignments: r.assignments }),
      r.leftOut ? t("leftOut", { count: r.leftOut }) : "",
      r.repeats ? t("repeats", { count: r.repeats, batch: r.repeatBatch ?? "" }) : "",
      r.phaseBatch ? t("phase", { batch: r.phaseBatch }) : "",
    ].filter(Boolean).join(" ");
  },
);

/** A batch of the caller's project by slug and id (the id alone is never trusted). */
const batchRef = { slug: z.string().min(1), batchId: z.string().min(1) };

export const moveReviewerWorkAction = authedAction(
  "batch:assign",
  z.object({ ...batchRef, reviewerId: z.string().min(1), "toReviewerIds[]": z.array(z.string().min(1)).optional() }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "batch:assign");
    const result = await moveReviewerWork(actor, project.id, input.batchId, input.reviewerId, input["toReviewerIds[]"]);
    revalidatePath(`/projects/${project.slug}/batches/${input.batchId}`);
    return result;
  },
  async (r) => (await getTranslations("project.actions"))("moved", { moved: r.moved, started: r.startedKept, linked: r.linkedKept }),
);

export const setBatchDueDateAction = authedAction(
  "batch:assign",
  z.object({ ...batchRef, dueAt: z.string().optional().transform((v, ctx) => {
    if (!v) return null;
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "The due date must be a date." });
      return z.NEVER;
    }
    return d;
  }) }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "batch:assign");
    const batch = await setBatchDueDate(actor, project.id, input.batchId, input.dueAt);
    revalidatePath(`/projects/${project.slug}/batches/${input.batchId}`);
    return { dueAt: batch.dueAt };
  },
  async (r) => {
    const t = await getTranslations("project.actions");
    return r.dueAt ? t("due", { date: r.dueAt.toISOString().slice(0, 10) }) : t("noDue");
  },
);

export const deleteBatchAction = authedAction(
  "batch:assign",
  z.object({ ...batchRef, drafts: z.coerce.number().int().min(0) }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "batch:assign");
    const result = await deleteBatch(actor, project.id, input.batchId, { drafts: input.drafts });
    revalidatePath(`/projects/${project.slug}`);
    redirect(`/projects/${project.slug}?deleted=${encodeURIComponent(result.name)}`);
  },
);

export const addMemberAction = authedAction(
  "project:manage",
  z.object({ slug: z.string().min(1), email: z.string().trim().min(1), role: memberRoleSchema }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "project:manage");
    const result = await addMemberByEmail(actor, project.id, input.email, input.role);
    revalidatePath(`/projects/${project.slug}`);
    return result;
  },
  async (r) => {
    const t = await getTranslations("project");
    const role = t(`roles.${r.role}.badge`);
    return r.change === "added" ? t("actions.added", { email: r.email }) : r.change === "role_changed" ? t("actions.roleChanged", { email: r.email, role }) : t("actions.roleUnchanged", { email: r.email, role });
  },
);

export const removeMemberAction = authedAction(
  "project:manage",
  z.object({ slug: z.string().min(1), email: z.string().trim().min(1) }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "project:manage");
    const result = await removeMemberByEmail(actor, project.id, input.email);
    revalidatePath(`/projects/${project.slug}`);
    return result;
  },
  async (r) => (await getTranslations("project.actions"))("removed", { email: r.email, kept: r.submitted || r.skipped ? "yes" : "no", submitted: r.submitted, skipped: r.skipped }),
);

export const updateSettingsAction = authedAction(
  "project:manage",
  z.object({ slug: z.string().min(1), ...settingsFormFields }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "project:manage");
    await updateProjectSettings(actor, project.id, settingsFromForm(input));
    revalidatePath(`/projects/${project.slug}`);
    return { slug: project.slug };
  },
  async () => (await getTranslations("project.actions"))("settingsSaved"),
);

export const updateDetailsAction = authedAction(
  "project:manage",
  z.object({ slug: z.string().min(1), name: z.string(), guidelines: z.string().default(""), reviewersPerItem: z.coerce.number(), blinded: checkbox, randomizeOrder: checkbox }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "project:manage");
    const result = await updateProjectDetails(actor, project.id, { name: input.name, guidelines: input.guidelines, reviewersPerItem: input.reviewersPerItem, blinded: input.blinded, randomizeOrder: input.randomizeOrder });
    revalidatePath(`/projects/${project.slug}`);
    return result;
  },
  async (r) => {
    const t = await getTranslations("project.actions");
    return r.changed.length ? t("detailsSaved", { fields: r.changed.map((k: keyof ProjectDetails) => t(`detailFields.${k}`)).join(", ") }) : t("nothingChanged");
  },
);

/** Guidelines as reviewers will see them (the same sanitizing renderer), before saving. */
export const previewGuidelinesAction = authedAction(
  "project:manage",
  z.object({ slug: z.string().min(1), guidelines: z.string().max(100_000).default("") }),
  async (actor, input) => {
    await findProjectForActor(actor, input.slug, "project:manage");
    return { html: await renderMarkdown(input.guidelines || "_No guidelines yet._") };
  },
);

export const startExportJobAction = authedAction(
  "export:read",
  z.object({ slug: z.string().min(1), format: z.string().min(1).max(40) }),
  (actor, input) => startExportJob(actor, input.slug, { format: input.format }),
  async (job) => (await getTranslations("project.actions"))("exportQueued", { count: job.expectedRecords ?? 0 }),
);

export const archiveProjectAction = authedAction(
  "project:manage",
  z.object({ slug: z.string().min(1), archived: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "project:manage");
    const result = await setProjectArchived(actor, project.id, input.archived);
    revalidatePath(`/projects/${project.slug}`);
    revalidatePath("/projects");
    return result;
  },
  async (r) => {
    const t = await getTranslations("project.actions");
    return !r.changed ? t("nothingChanged") : r.status === "ARCHIVED" ? t("archived") : t("restored");
  },
);
