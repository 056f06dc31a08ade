import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Tx } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";

export type AuditAction =
  | "steps.segment"
  | "auth.login"
  | "auth.login_failed"
  | "auth.logout"
  | "auth.lockout_clear"
  | "auth.password_change"
  | "user.password_reset_issue"
  | "user.password_reset"
  | "token.create"
  | "token.revoke"
  | "user.create"
  | "user.invite"
  | "user.profile"
  | "user.deactivate"
  | "user.reactivate"
  | "project.create"
  | "project.member_add"
  | "project.member_remove"
  | "project.settings"
  | "project.details"
  | "rubric.save"
  | "project.archive"
  | "project.restore"
  | "annotation.consensus"
  | "items.import"
  | "judges.import"
  | "images.upload"
  | "batch.assign"
  | "batch.move_work"
  | "batch.due_date"
  | "batch.delete"
  | "annotation.submit"
  | "assignment.skip"
  | "export.download"
  | "project.qualification"
  | "qualification.pass"
  | "qualification.fail"
  | "qualification.retry"
  | "qualification.extra_attempt"
  | "reviewer.gold_warning"
  | "reviewer.pause"
  | "reviewer.resume"
  | "user.locale"
  | "auth.sso_login"
  | "auth.sso_refused"
  | "user.sso_create"
  | "webhook.create"
  | "webhook.update"
  | "webhook.delete"
  | "webhook.test"
  | "project.translations";

export type AuditInput = {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  projectId?: string | null;
  data?: Record<string, unknown>;
};

/** Records who did what; pass the caller's transaction so the event commits with the change. */
export async function recordAudit(input: AuditInput, tx?: Tx): Promise<void> {
  const db = tx ?? getDb();
  await db.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      projectId: input.projectId ?? null,
      data: (input.data ?? {}) as object,
    },
  });
}

/**
 * The same event written on a plain pg connection, inside the transaction a bulk write holds there
 * (the import's COPY, lib/import/import-items.ts). A random id: ids of events are not ordered by
 * anything (the log sorts by time).
 */
export async function recordAuditOn(client: pg.ClientBase, input: AuditInput): Promise<void> {
  await client.query(
    `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", "projectId", data) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [randomUUID(), input.actorId, input.action, input.entityType, input.entityId ?? null, input.projectId ?? null, JSON.stringify(input.data ?? {})],
  );
}
