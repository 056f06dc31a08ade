import { getDb } from "@/lib/db/client";
import { TEST_EVENT, type WebhookEvent } from "./events";
import { enqueueDeliveries } from "./queue";

// Raising an event: one delivery row per active webhook of the project subscribed to it, then the
// queue. Called after the change it reports has committed, so a receiver never hears of work that
// was rolled back; a failure here is logged, never turned into a failed save or import.

export type EventPayload = {
  id: string;
  event: string;
  createdAt: string;
  project: { id: string; slug: string };
  data: Record<string, unknown>;
};

export async function emitProjectEvent(projectId: string, event: WebhookEvent, data: Record<string, unknown>, opts: { dedupeKey?: string } = {}): Promise<string[]> {
  try {
    const db = getDb();
    const hooks = await db.webhook.findMany({ where: { projectId, isActive: true, events: { has: event } }, select: { id: true, project: { select: { slug: true } } } });
    if (!hooks.length) return [];
    const ids: string[] = [];
    for (const hook of hooks) {
      const created = await createDelivery(hook.id, { projectId, slug: hook.project.slug }, event, data, opts.dedupeKey);
      if (created) ids.push(created);
    }
    await enqueueDeliveries(ids);
    return ids;
  } catch (error) {
    console.error(`consilium: webhook event ${event} for project ${projectId} not queued:`, error);
    return [];
  }
}

/** "Send test": a delivery to one webhook, attempted at once so the admin sees the answer. */
export async function createTestDelivery(webhookId: string, project: { id: string; slug: string }): Promise<string> {
  const id = await createDelivery(webhookId, { projectId: project.id, slug: project.slug }, TEST_EVENT, { message: "A test event from Consilium." });
  return id!;
}

async function createDelivery(webhookId: string, project: { projectId: string; slug: string }, event: string, data: Record<string, unknown>, dedupeKey?: string): Promise<string | null> {
  const db = getDb();
  const row = await db.webhookDelivery.createManyAndReturn({
    data: [{ webhookId, event, payload: {}, dedupeKey: dedupeKey ?? null }],
    skipDuplicates: true,
    select: { id: true, createdAt: true },
  });
  if (!row.length) return null;
  const { id, createdAt } = row[0];
  // The payload names its own delivery id, so a receiver can drop a retry it already processed.
  const payload: EventPayload = { id, event, createdAt: createdAt.toISOString(), project: { id: project.projectId, slug: project.slug }, data };
  await db.webhookDelivery.update({ where: { id }, data: { payload: payload as object } });
  return id;
}
