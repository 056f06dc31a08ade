"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { createBatch } from "@/lib/assignments/create-batch";
import { createProject } from "@/lib/projects/create-project";
import { findProjectForActor } from "@/lib/projects/access";
import { addMemberByEmail, memberRoleSchema } from "@/lib/projects/members";
import { createProjectSchema } from "@/lib/projects/schema";
import { checkbox, settingsFormFields, settingsFromForm } from "@/lib/projects/settings-form";
import { updateProjectSettings } from "@/lib/projects/update-settings";
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

export const createBatchAction = authedAction(
  "batch:assign",
  z.object({
    slug: z.string().min(1),
    name: z.string().trim().min(1, { error: "Batch name is required." }).max(120),
    perItem: z.coerce.number().int().min(1).max(50),
    "reviewerIds[]": z.array(z.string().min(1)).min(1, { error: "Choose at least one reviewer." }).optional(),
    dueAt: z.string().optional().transform((v) => (v ? new Date(v) : undefined)),
    goldToAllReviewers: checkbox,
  }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug);
    const result = await createBatch(actor.id, project.id, {
      name: input.name,
      perItem: input.perItem,
      reviewerIds: input["reviewerIds[]"] ?? [],
      dueAt: input.dueAt,
      goldToAllReviewers: input.goldToAllReviewers,
    });
    revalidatePath(`/projects/${project.slug}`);
    return { batchId: result.batch.id, items: result.items, assignments: result.assignments };
  },
  (r) => `Assigned ${r.items} items as ${r.assignments} assignments.`,
);

export const addMemberAction = authedAction(
  "project:manage",
  z.object({ slug: z.string().min(1), email: z.string().trim().min(1), role: memberRoleSchema }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug);
    const result = await addMemberByEmail(actor, project.id, input.email, input.role);
    revalidatePath(`/projects/${project.slug}`);
    return result;
  },
  (r) => (r.change === "added" ? `Added ${r.email}.` : r.change === "role_changed" ? `${r.email} is now ${r.role.toLowerCase()}.` : `${r.email} was already ${r.role.toLowerCase()}.`),
);

export const updateSettingsAction = authedAction(
  "project:manage",
  z.object({ slug: z.string().min(1), ...settingsFormFields }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug);
    await updateProjectSettings(actor, project.id, settingsFromForm(input));
    revalidatePath(`/projects/${project.slug}`);
    return { slug: project.slug };
  },
  () => "Review options saved.",
);

export const startExportJobAction = authedAction(
  "export:read",
  z.object({ slug: z.string().min(1), format: z.string().min(1).max(40) }),
  (actor, input) => startExportJob(actor, input.slug, { format: input.format }),
  (job) => `Export queued: ${job.expectedRecords ?? 0} records. It keeps running if you leave this page.`,
);
