"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { findProjectForActor } from "@/lib/projects/access";
import { describeRubricIssues } from "@/lib/rubrics/rubric-document";
import { saveRubric } from "@/lib/rubrics/rubric-versions";
import { jsonField } from "@/lib/validation/json-field";

/** Saves the rubric editor's document (JSON in a form field) against the version it was opened on. */
export const saveRubricAction = authedAction(
  "project:manage",
  z.object({ slug: z.string().min(1), baseVersion: z.coerce.number().int().min(1), document: jsonField("The rubric") }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "project:manage");
    const result = await saveRubric(actor, project.id, input.document, input.baseVersion).catch((error: unknown) => {
      if (error instanceof z.ZodError) throw new z.ZodError(describeRubricIssues(error).map((message) => ({ code: "custom" as const, message, path: [], input: null })));
      throw error;
    });
    revalidatePath(`/projects/${project.slug}/rubric`);
    revalidatePath(`/projects/${project.slug}`);
    return result;
  },
  async (r) => {
    const t = await getTranslations("project.actions");
    return r.change === "new_version" ? t("rubricNewVersion", { version: r.version }) : r.change === "edited" ? t("rubricEdited", { version: r.version }) : t("nothingChanged");
  },
);
