import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { attemptDelivery, type AttemptOutcome } from "./deliver";
import { createTestDelivery } from "./emit";
import { findWebhookForActor } from "./webhooks";

/** "Send test": one signed test event, sent now and not retried; the answer is in the log. */
export async function sendTestWebhook(actor: Actor, slug: string, webhookId: string): Promise<AttemptOutcome & { deliveryId: string }> {
  const { project, hook } = await findWebhookForActor(actor, slug, webhookId);
  const deliveryId = await createTestDelivery(hook.id, { id: project.id, slug: project.slug });
  const outcome = await attemptDelivery(deliveryId, { lastAttempt: true });
  await recordAudit({ actorId: actor.id, action: "webhook.test", entityType: "Webhook", entityId: hook.id, projectId: project.id, data: { status: outcome.status, ok: outcome.ok } });
  return { ...outcome, deliveryId };
}
