"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { findProjectForActor } from "@/lib/projects/access";
import { checkbox } from "@/lib/projects/settings-form";
import { allowExtraAttempt, retryQualification } from "@/lib/qualification/attempts";
import { resumeReviewer } from "@/lib/qualification/gold-watch";
import { updateQualificationPolicy } from "@/lib/qualification/update-policy";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/auth/permissions";

const percent = (what: string) => z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().min(1, { error: `${what} is 1 to 100 %.` }).max(100, { error: `${what} is 1 to 100 %.` }).optional());

/** The project's qualification policy (decision 026): required or not, pass mark and rule, attempts, gold watch. */
export const updateQualificationAction = authedAction(
  "project:manage",
  z.object({
    slug: z.string().min(1),
    required: checkbox,
    passPercent: percent("The pass mark"),
    rule: z.enum(["overall", "every_axis"]).default("overall"),
    maxAttempts: z.coerce.number().int(),
    pauseBelowPercent: percent("The pause mark"),
    minGoldItems: z.coerce.number().int(),
  }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "project:manage");
    await updateQualificationPolicy(actor, project.id, { required: input.required, passPercent: input.passPercent ?? 80, rule: input.rule, maxAttempts: input.maxAttempts, pauseBelowPercent: input.pauseBelowPercent ?? null, minGoldItems: input.minGoldItems });
    revalidatePath(`/projects/${project.slug}`);
    return { required: input.required };
  },
  async (r) => {
    const t = await getTranslations("project.actions");
    return r.required ? t("qualificationRequired") : t("qualificationSaved");
  },
);

/** A reviewer starts another attempt at a project's qualification round (their own work only). */
export const retryQualificationAction = authedAction(
  "assignment:work",
  z.object({ slug: z.string().min(1), batchId: z.string().min(1) }),
  async (actor, input) => {
    // A reviewer is not a project reader: find the project through their own practice assignments.
    const project = await getDb().project.findFirst({ where: { slug: input.slug, batches: { some: { id: input.batchId, assignments: { some: { reviewerId: actor.id } } } } }, select: { id: true } });
    if (!project) throw new NotFoundError("Qualification round not found.");
    const result = await retryQualification(actor, project.id, input.batchId);
    revalidatePath("/queue");
    return result;
  },
  async (r) => (await getTranslations("project.actions"))("attemptStarted", { attempt: r.attempt, items: r.items }),
);

/** A manager lets a reviewer paused by the gold watch work again (the count starts afresh). */
export const resumeReviewerAction = authedAction(
  "batch:assign",
  z.object({ slug: z.string().min(1), userId: z.string().min(1) }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "batch:assign");
    await resumeReviewer(actor, project.id, input.userId);
    revalidatePath(`/projects/${project.slug}`);
    return {};
  },
  async () => (await getTranslations("project.actions"))("reviewerResumed"),
);

/** A manager allows a reviewer who failed every attempt one more (beyond the policy). */
export const allowAttemptAction = authedAction(
  "batch:assign",
  z.object({ slug: z.string().min(1), userId: z.string().min(1) }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "batch:assign");
    const result = await allowExtraAttempt(actor, project.id, input.userId);
    revalidatePath(`/projects/${project.slug}`);
    return result;
  },
  async (r) => (await getTranslations("project.actions"))("attemptAllowed", { attempts: r.attemptsAllowed }),
);
