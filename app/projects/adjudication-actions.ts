"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { saveConsensus } from "@/lib/adjudication/consensus";
import { findProjectForActor } from "@/lib/projects/access";
import { jsonField } from "@/lib/validation/json-field";

/** Saves the consensus form (its document as JSON) against the version it was opened on. */
export const saveConsensusAction = authedAction(
  "item:adjudicate",
  z.object({
    slug: z.string().min(1),
    itemId: z.string().min(1),
    baseVersion: z.coerce.number().int().min(0),
    document: jsonField("The consensus"),
    decide: z.enum(["true", "false"]).transform((v) => v === "true"),
    basis: z.enum(["merge", "reviewer", "previous"]).default("merge"),
  }),
  async (actor, input) => {
    const project = await findProjectForActor(actor, input.slug, "item:adjudicate");
    const result = await saveConsensus(actor, project.id, input.itemId, { baseVersion: input.baseVersion, data: input.document as never, decide: input.decide, basis: input.basis });
    revalidatePath(`/projects/${project.slug}/adjudication`);
    return result;
  },
  async (r) => {
    const t = await getTranslations("project.actions");
    return r.status === "conflict" ? t("consensusConflict", { version: r.version }) : r.decided ? t("consensusDecided", { version: r.version }) : t("consensusDraft", { version: r.version });
  },
);
