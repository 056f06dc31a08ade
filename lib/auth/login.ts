import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "./password";
import { loginSchema } from "./schema";
import type { Actor } from "./permissions";

// Rate limits live in the database so they hold across stateless web instances.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export type LoginResult = { ok: true; actor: Actor } | { ok: false; reason: "invalid" | "rate_limited" };

export async function authenticate(input: { email: unknown; password: unknown }, ip: string | null): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = getDb();
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);

  const [emailFailures, ipFailures] = await Promise.all([
    db.loginAttempt.count({ where: { email, succeeded: false, attemptedAt: { gte: since } } }),
    ip ? db.loginAttempt.count({ where: { ip, succeeded: false, attemptedAt: { gte: since } } }) : Promise.resolve(0),
  ]);
  if (emailFailures >= MAX_FAILURES_PER_EMAIL || ipFailures >= MAX_FAILURES_PER_IP) {
    return { ok: false, reason: "rate_limited" };
  }

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // Compare even for unknown users so response time does not reveal which emails exist.
  const hash = user?.passwordHash ?? "$2b$12$C6UzMDM.H6dfI/f/IKxGhuE/ClE0GBXJ3XqMvOC4Q3oe1rG2QG6kO";
  const matches = await verifyPassword(password, hash);
  const succeeded = Boolean(user && user.isActive && matches);

  await db.loginAttempt.create({ data: { email, ip, succeeded } });
  if (!succeeded || !user) {
    await recordAudit({ actorId: user?.id ?? null, action: "auth.login_failed", entityType: "User", entityId: user?.id ?? null, data: { email } });
    return { ok: false, reason: "invalid" };
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit({ actorId: user.id, action: "auth.login", entityType: "User", entityId: user.id }, tx);
  });
  return { ok: true, actor: { id: user.id, role: user.role, email: user.email, name: user.name } };
}

/** Loads an active user as an Actor; null when the account is gone or deactivated. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await getDb().user.findUnique({ where: { id: userId } });
  if (!user || !user.isActive) return null;
  return { id: user.id, role: user.role, email: user.email, name: user.name };
}
