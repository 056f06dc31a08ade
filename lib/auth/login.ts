import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkLoginThrottle } from "./login-throttle";
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from "./password";
import { loginSchema } from "./schema";
import type { Actor } from "./permissions";

export type LoginResult =
  | { ok: true; actor: Actor; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAt: Date };

/**
 * Checks an email and password from `ip` (the client address, lib/auth/client-address.ts).
 * Throttled per (account, address) before the password is even compared (lib/auth/login-throttle.ts);
 * a bcrypt hash from before argon2id is replaced on success.
 */
export async function authenticate(input: { email: unknown; password: unknown }, ip: string | null): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = getDb();

  const verdict = await checkLoginThrottle(email, ip);
  if (!verdict.ok) return { ok: false, reason: "rate_limited", retryAt: verdict.retryAt };

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // Compare even for unknown users so response time does not reveal which emails exist.
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  const succeeded = Boolean(user && user.isActive && matches);

  if (!succeeded || !user) {
    await db.$transaction([
      db.loginAttempt.create({ data: { email, ip, succeeded: false } }),
      db.auditEvent.create({ data: { actorId: user?.id ?? null, action: "auth.login_failed", entityType: "User", entityId: user?.id ?? null, data: { email, ip } } }),
    ]);
    return { ok: false, reason: "invalid" };
  }
  const passwordHash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  await db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip, succeeded: true } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date(), ...(passwordHash ? { passwordHash } : {}) } });
    await recordAudit({ actorId: user.id, action: "auth.login", entityType: "User", entityId: user.id, data: { ip, ...(passwordHash ? { rehashed: true } : {}) } }, tx);
  });
  return { ok: true, actor: { id: user.id, role: user.role, email: user.email, name: user.name }, sessionVersion: user.sessionVersion };
}

/** Loads an active user as an Actor; null when the account is gone or deactivated. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await getDb().user.findUnique({ where: { id: userId } });
  if (!user || !user.isActive) return null;
  return { id: user.id, role: user.role, email: user.email, name: user.name };
}
