// The events a project's webhooks can subscribe to (issue 12). Payloads name ids and counts, never a
// reviewer's name or e-mail: a reviewer appears by the project's pseudonym, as in exports.
export const WEBHOOK_EVENTS = ["assignment.submitted", "batch.completed", "export.ready", "import.finished"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Sent only by "Send test"; not subscribable. */
export const TEST_EVENT = "webhook.test";

/** The event's message key (next-intl keys cannot contain dots). */
export function eventKey(event: WebhookEvent): `${string}_${string}` {
  return event.replace(".", "_") as `${string}_${string}`;
}
