"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { sendTestWebhook } from "@/lib/webhooks/send-test";
import { createWebhook, deleteWebhook, updateWebhook } from "@/lib/webhooks/webhooks";

// Thin: each calls the lib/webhooks function that checks project:manage and writes.
const slugField = z.object({ slug: z.string().min(1) });
const page = (slug: string) => `/projects/${slug}/webhooks`;

export const createWebhookAction = authedAction(
  "project:manage",
  slugField.extend({ url: z.string().default(""), "events[]": z.array(z.string()).default([]) }),
  async (actor, input) => {
    const hook = await createWebhook(actor, input.slug, { url: input.url, events: input["events[]"] as never });
    revalidatePath(page(input.slug));
    return { id: hook.id };
  },
  async () => (await getTranslations("webhooks"))("created"),
);

export const toggleWebhookAction = authedAction(
  "project:manage",
  slugField.extend({ webhookId: z.string().min(1), isActive: z.enum(["true", "false"]) }),
  async (actor, input) => {
    await updateWebhook(actor, input.slug, { webhookId: input.webhookId, isActive: input.isActive === "true" });
    revalidatePath(page(input.slug));
    return { isActive: input.isActive === "true" };
  },
);

export const deleteWebhookAction = authedAction("project:manage", slugField.extend({ webhookId: z.string().min(1) }), async (actor, input) => {
  await deleteWebhook(actor, input.slug, input.webhookId);
  revalidatePath(page(input.slug));
  return { deleted: true };
});

export const sendTestWebhookAction = authedAction(
  "project:manage",
  slugField.extend({ webhookId: z.string().min(1) }),
  async (actor, input) => {
    const outcome = await sendTestWebhook(actor, input.slug, input.webhookId);
    revalidatePath(page(input.slug));
    return outcome;
  },
  async (o) => {
    const t = await getTranslations("webhooks");
    return o.ok ? t("testDelivered", { status: o.status ?? 0 }) : t("testFailed", { error: o.error ?? "" });
  },
);
