import { getDb } from "@/lib/db/client";
import { signatureHeader } from "./signature";

// One attempt to deliver one event. The body is the stored payload, serialized once here and
// signed exactly as sent. 2xx is delivered; anything else is recorded in the delivery's log and
// retried by the queue with growing delays until the last attempt marks it failed.

export const DELIVERY_TIMEOUT_MS = 10_000;
export const USER_AGENT = "Consilium-Webhooks/1";
const LOG_LIMIT = 20;

export type AttemptOutcome = { ok: boolean; status: number | null; error: string | null; final: boolean };

export async function attemptDelivery(deliveryId: string, opts: { lastAttempt: boolean }): Promise<AttemptOutcome> {
  const db = getDb();
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
  if (!delivery || delivery.status !== "pending") return { ok: true, status: delivery?.responseStatus ?? null, error: null, final: true };
  if (!delivery.webhook.isActive) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "failed", error: "The webhook was switched off." } });
    return { ok: false, status: null, error: "The webhook was switched off.", final: true };
  }
  const body = JSON.stringify(delivery.payload);
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "consilium-event": delivery.event,
        "consilium-delivery": delivery.id,
        "consilium-signature": signatureHeader(delivery.webhook.secret, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    status = response.status;
    await response.body?.cancel().catch(() => undefined);
    if (status < 200 || status > 299) error = `The receiver answered HTTP ${status}.`;
  } catch (e) {
    error = e instanceof Error && e.name === "TimeoutError" ? `No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.` : `Could not connect: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`;
  }
  const ok = error === null;
  const final = ok || opts.lastAttempt;
  const entry = { at: new Date(started).toISOString(), status, error, ms: Date.now() - started };
  const log = [...((delivery.log as object[]) ?? []), entry].slice(-LOG_LIMIT) as object[];
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { attempts: { increment: 1 }, responseStatus: status, error, log, status: ok ? "delivered" : final ? "failed" : "pending", deliveredAt: ok ? new Date() : null },
  });
  return { ok, status, error, final };
}
