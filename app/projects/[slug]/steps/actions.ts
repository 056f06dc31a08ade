"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { editSegmentation } from "@/lib/tools/steps/segmentations";
import { findProjectForActor } from "@/lib/projects/access";

const stepsJson = z
  .string()
  .transform((v, ctx) => {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "The steps are not valid JSON." });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.object({ start: z.int().min(0), end: z.int().min(0) })).min(1).max(500));

/** An admin's merge or split of a response's steps (lib/tools/steps/segmentations.ts decides the version). */
export const editSegmentationAction = authedAction(
  "project:manage",
  z.object({ slug: z.string().min(1), responseId: z.string().min(1).max(64), steps: stepsJson }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "project:manage");
    const result = await editSegmentation(actor, project.id, input.responseId, input.steps);
    revalidatePath(`/projects/${input.slug}/steps`);
    return { version: result.version, steps: result.steps.length };
  },
  async (r) => (await getTranslations("project.actions"))("segmentationSaved", { version: r.version, steps: r.steps }),
);
