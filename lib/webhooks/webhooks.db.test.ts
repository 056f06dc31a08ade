import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { getDb } from "@/lib/db/client";
import { stopExportQueue } from "@/lib/export-jobs/queue";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { emitProjectEvent } from "./emit";
import { startWebhookWorker } from "./queue";
import { sendTestWebhook } from "./send-test";
import { verifySignature } from "./signature";
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, updateWebhook } from "./webhooks";

// Webhooks end to end against a real receiver on loopback: signed, queued in pg-boss, retried
// after a failure, logged; managed only by the project's managers.

type Received = { headers: IncomingHttpHeaders; body: string };
let server: Server;
let url = "";
const received: Received[] = [];
/** Statuses to answer, in order; 200 once they run out. */
const answers: number[] = [];

beforeAll(async () => {
  process.env.CONSILIUM_WEBHOOK_RETRY_DELAY_SECONDS = "1";
  process.env.CONSILIUM_WEBHOOK_RETRIES = "3";
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await stopExportQueue();
  await new Promise((resolve) => server.close(resolve));
});

async function submitAll(study: Awaited<ReturnType<typeof seedStudy>>) {
  for (const a of study.assignments) {
    const reviewer = study.reviewers.find((r) => r.id === a.reviewerId)!;
    await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `s-${a.id}`, data: { ...emptyAnnotationData(), ...completeRatings(a.responseOrder) }, submit: true });
  }
}

describe("webhooks", () => {
  it("deliver signed events through the queue, retrying a failure, and log every attempt", async () => {
    const study = await seedStudy({ items: 2 });
    const admin = asActor(study.admin);
    const hook = await createWebhook(admin, study.project.slug, { url, events: ["assignment.submitted", "batch.completed"] });
    expect(hook.secret).toMatch(/^whsec_/);
    await startWebhookWorker();
    received.length = 0;
    answers.push(500); // the first delivery fails once
    await submitAll(study);

    const expected = study.assignments.length + 1;
    await vi.waitFor(async () => {
      const done = await getDb().webhookDelivery.count({ where: { webhookId: hook.id, status: "delivered" } });
      expect(done).toBe(expected);
    }, { timeout: 30_000, interval: 200 });

    const events = received.map((r) => JSON.parse(r.body));
    expect(events.filter((e) => e.event === "batch.completed")).toHaveLength(1);
    expect(new Set(events.filter((e) => e.event === "assignment.submitted").map((e) => e.data.assignmentId))).toEqual(new Set(study.assignments.map((a) => a.id)));
    for (const r of received) {
      expect(verifySignature(hook.secret, r.headers["consilium-signature"] as string, r.body)).toMatchObject({ ok: true });
      const body = JSON.parse(r.body);
      expect(r.headers["consilium-event"]).toBe(body.event);
      expect(r.headers["consilium-delivery"]).toBe(body.id);
      expect(body.project).toEqual({ id: study.project.id, slug: study.project.slug });
      // Reviewers appear by pseudonym only.
      expect(r.body).not.toContain(study.reviewers[0].email);
      expect(r.body).not.toContain(study.reviewers[0].id);
    }
    const completed = events.find((e) => e.event === "batch.completed");
    expect(completed.data).toMatchObject({ batchId: study.batch.id, batchName: "B1", submitted: study.assignments.length, skipped: 0 });

    const log = await listDeliveries(admin, study.project.slug, hook.id, { take: 50 });
    const retried = log.find((d) => d.attempts === 2)!;
    expect(retried).toMatchObject({ status: "delivered", responseStatus: 200 });
    expect((retried.log as Array<{ status: number }>).map((l) => l.status)).toEqual([500, 200]);
    expect(log.filter((d) => d.attempts === 1)).toHaveLength(expected - 1);
  });

  it("send a test event now, record the answer, and skip what a webhook does not subscribe to", async () => {
    const study = await seedStudy({ items: 1 });
    const admin = asActor(study.admin);
    const hook = await createWebhook(admin, study.project.slug, { url, events: ["import.finished"] });
    received.length = 0;
    answers.push(503);
    const failed = await sendTestWebhook(admin, study.project.slug, hook.id);
    expect(failed).toMatchObject({ ok: false, status: 503 });
    const ok = await sendTestWebhook(admin, study.project.slug, hook.id);
    expect(ok).toMatchObject({ ok: true, status: 200 });
    expect(received.map((r) => JSON.parse(r.body).event)).toEqual(["webhook.test", "webhook.test"]);
    expect(await getDb().webhookDelivery.findUnique({ where: { id: failed.deliveryId } })).toMatchObject({ status: "failed", attempts: 1, responseStatus: 503, error: "The receiver answered HTTP 503." });

    // Not subscribed: nothing is written.
    expect(await emitProjectEvent(study.project.id, "batch.completed", { batchId: "x" })).toEqual([]);
    // Switched off: nothing is written either.
    await updateWebhook(admin, study.project.slug, { webhookId: hook.id, isActive: false });
    expect(await emitProjectEvent(study.project.id, "import.finished", { imported: 1 })).toEqual([]);
    // An unreachable receiver is an error in the log, not an exception.
    await updateWebhook(admin, study.project.slug, { webhookId: hook.id, isActive: true, url: "http://127.0.0.1:9/nothing" });
    const unreachable = await sendTestWebhook(admin, study.project.slug, hook.id);
    expect(unreachable).toMatchObject({ ok: false, status: null });
    expect(unreachable.error).toMatch(/^Could not connect/);
    await deleteWebhook(admin, study.project.slug, hook.id);
    expect((await listWebhooks(admin, study.project.slug)).webhooks).toEqual([]);
  });

  it("are managed by project managers only, with a valid address and at least one event", async () => {
    const study = await seedStudy({ items: 1 });
    const slug = study.project.slug;
    await expect(createWebhook(asActor(study.reviewers[0]), slug, { url, events: ["batch.completed"] })).rejects.toThrow(/permission/);
    await expect(createWebhook(asActor(study.outsider), slug, { url, events: ["batch.completed"] })).rejects.toThrow(/not found/);
    await expect(listWebhooks(asActor(study.researcher), slug)).rejects.toThrow(/permission|not allowed|forbidden/i);
    await expect(createWebhook(asActor(study.admin), slug, { url: "ftp://example.org/x", events: ["batch.completed"] })).rejects.toThrow(/http/);
    await expect(createWebhook(asActor(study.admin), slug, { url, events: [] })).rejects.toThrow(/at least one event/);
    const hook = await createWebhook(asActor(study.admin), slug, { url, events: ["export.ready"] });
    const other = await seedStudy({ items: 1 });
    await expect(sendTestWebhook(asActor(other.admin), other.project.slug, hook.id)).rejects.toThrow(/Webhook not found/);
  });
});
