import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { findProjectForActor } from "@/lib/projects/access";
import { WEBHOOK_EVENTS } from "./events";

// A project's webhooks: managed by its managers (project:manage), one write path for the UI, the
// CLI and tests. The secret is generated here, never chosen, so it is long and random.

const urlSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: "Give an http:// or https:// address." }));

export const webhookInputSchema = z.object({
  url: urlSchema,
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Choose at least one event."),
});

export const webhookUpdateSchema = z.object({
  webhookId: z.string().min(1),
  url: urlSchema.optional(),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Choose at least one event.").optional(),
  isActive: z.boolean().optional(),
});

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export async function listWebhooks(actor: Actor, slug: string) {
  const project = await findProjectForActor(actor, slug, "project:manage");
  const hooks = await getDb().webhook.findMany({ where: { projectId: project.id }, orderBy: { createdAt: "asc" } });
  return { project, webhooks: hooks };
}

export async function createWebhook(actor: Actor, slug: string, input: z.input<typeof webhookInputSchema>) {
  const project = await findProjectForActor(actor, slug, "project:manage");
  const data = webhookInputSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const hook = await tx.webhook.create({ data: { projectId: project.id, url: data.url, events: data.events, secret: newWebhookSecret() } });
    await recordAudit({ actorId: actor.id, action: "webhook.create", entityType: "Webhook", entityId: hook.id, projectId: project.id, data: { url: hook.url, events: hook.events } }, tx);
    return hook;
  });
}

/** The webhook when the actor manages its project. */
export async function findWebhookForActor(actor: Actor, slug: string, webhookId: string) {
  const project = await findProjectForActor(actor, slug, "project:manage");
  const hook = await getDb().webhook.findFirst({ where: { id: webhookId, projectId: project.id } });
  if (!hook) throw new NotFoundError("Webhook not found.");
  return { project, hook };
}

export async function updateWebhook(actor: Actor, slug: string, input: z.input<typeof webhookUpdateSchema>) {
  const { webhookId, ...changes } = webhookUpdateSchema.parse(input);
  const { project } = await findWebhookForActor(actor, slug, webhookId);
  return getDb().$transaction(async (tx) => {
    const hook = await tx.webhook.update({ where: { id: webhookId }, data: changes });
    await recordAudit({ actorId: actor.id, action: "webhook.update", entityType: "Webhook", entityId: hook.id, projectId: project.id, data: changes }, tx);
    return hook;
  });
}

export async function deleteWebhook(actor: Actor, slug: string, webhookId: string) {
  const { project, hook } = await findWebhookForActor(actor, slug, webhookId);
  await getDb().$transaction(async (tx) => {
    await tx.webhook.delete({ where: { id: hook.id } });
    await recordAudit({ actorId: actor.id, action: "webhook.delete", entityType: "Webhook", entityId: hook.id, projectId: project.id, data: { url: hook.url } }, tx);
  });
}

/** The delivery log: newest first, a page at a time. */
export async function listDeliveries(actor: Actor, slug: string, webhookId: string, opts: { take?: number } = {}) {
  await findWebhookForActor(actor, slug, webhookId);
  return getDb().webhookDelivery.findMany({ where: { webhookId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: opts.take ?? 20 });
}
