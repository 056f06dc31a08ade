import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";

// Sign-in throttling, in the database so it holds across stateless web instances.
// - Per (account, address): the first 5 consecutive failures are free; then each next attempt
//   waits 30 s, 1, 2, 4, 8, 15 minutes (capped) after the last failure. A success resets it.
//   Nobody can lock an account from their own address for anyone else, and a person who mistypes
//   is slowed, not locked out.
// - Per address: a ceiling of failures over all accounts in 15 minutes, high enough for a whole
//   hospital behind one NAT address, that stops one machine from guessing across many accounts.
// docs/decisions/007-access-and-accounts.md explains the choice and what it leaves open.
export const THROTTLE = {
  freeFailures: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  pairWindowMs: 60 * 60_000,
  addressCeiling: 300,
  addressWindowMs: 15 * 60_000,
} as const;

export type ThrottleVerdict = { ok: true } | { ok: false; scope: "account" | "address"; retryAt: Date };

/** Wait before the next attempt after `failures` consecutive failures. */
export function backoffMs(failures: number): number {
  if (failures < THROTTLE.freeFailures) return 0;
  return Math.min(THROTTLE.maxDelayMs, THROTTLE.baseDelayMs * 2 ** (failures - THROTTLE.freeFailures));
}

async function pairVerdict(email: string, ip: string | null, now: Date): Promise<ThrottleVerdict> {
  const recent = await getDb().loginAttempt.findMany({
    where: { email, ip, attemptedAt: { gte: new Date(now.getTime() - THROTTLE.pairWindowMs) } },
    orderBy: { attemptedAt: "desc" },
    take: 64,
    select: { succeeded: true, attemptedAt: true },
  });
  const firstSuccess = recent.findIndex((a) => a.succeeded);
  const failures = firstSuccess === -1 ? recent.length : firstSuccess;
  if (!failures) return { ok: true };
  const retryAt = new Date(recent[0].attemptedAt.getTime() + backoffMs(failures));
  return retryAt > now ? { ok: false, scope: "account", retryAt } : { ok: true };
}

async function addressVerdict(ip: string | null, now: Date): Promise<ThrottleVerdict> {
  if (!ip) return { ok: true };
  const where = { ip, succeeded: false, attemptedAt: { gte: new Date(now.getTime() - THROTTLE.addressWindowMs) } };
  const failures = await getDb().loginAttempt.count({ where, take: THROTTLE.addressCeiling });
  if (failures < THROTTLE.addressCeiling) return { ok: true };
  // Open again when the oldest of the newest `ceiling` failures leaves the window.
  const oldest = await getDb().loginAttempt.findFirst({ where, orderBy: { attemptedAt: "desc" }, skip: THROTTLE.addressCeiling - 1, select: { attemptedAt: true } });
  return { ok: false, scope: "address", retryAt: new Date((oldest?.attemptedAt ?? now).getTime() + THROTTLE.addressWindowMs) };
}

/** May this (account, address) try a password now? Checked before the password is verified. */
export async function checkLoginThrottle(email: string, ip: string | null, now = new Date()): Promise<ThrottleVerdict> {
  const [pair, address] = await Promise.all([pairVerdict(email, ip, now), addressVerdict(ip, now)]);
  return !address.ok ? address : pair;
}

export function recordLoginAttempt(email: string, ip: string | null, succeeded: boolean) {
  return getDb().loginAttempt.create({ data: { email, ip, succeeded } });
}

export type Lockout =
  | { kind: "account"; email: string; ip: string | null; failures: number; retryAt: Date }
  | { kind: "address"; ip: string; failures: number; retryAt: Date };

/** Every (account, address) pair and every address that is refused right now. */
export async function listLockouts(now = new Date()): Promise<Lockout[]> {
  const db = getDb();
  const pairs = await db.$queryRaw<Array<{ email: string; ip: string | null; failures: bigint; last: Date }>>`
    SELECT a."email", a."ip", count(*) AS failures, max(a."attemptedAt") AS last
    FROM "LoginAttempt" a
    WHERE NOT a."succeeded" AND a."attemptedAt" >= ${new Date(now.getTime() - THROTTLE.pairWindowMs)}
      AND NOT EXISTS (
        SELECT 1 FROM "LoginAttempt" s
        WHERE s."email" = a."email" AND s."ip" IS NOT DISTINCT FROM a."ip" AND s."succeeded" AND s."attemptedAt" > a."attemptedAt")
    GROUP BY a."email", a."ip"
    HAVING count(*) >= ${THROTTLE.freeFailures}`;
  const addresses = await db.$queryRaw<Array<{ ip: string; failures: bigint }>>`
    SELECT "ip", count(*) AS failures FROM "LoginAttempt"
    WHERE NOT "succeeded" AND "ip" IS NOT NULL AND "attemptedAt" >= ${new Date(now.getTime() - THROTTLE.addressWindowMs)}
    GROUP BY "ip" HAVING count(*) >= ${THROTTLE.addressCeiling}`;
  const out: Lockout[] = [];
  for (const a of addresses) {
    const verdict = await addressVerdict(a.ip, now);
    if (!verdict.ok) out.push({ kind: "address", ip: a.ip, failures: Number(a.failures), retryAt: verdict.retryAt });
  }
  for (const p of pairs) {
    const retryAt = new Date(p.last.getTime() + backoffMs(Number(p.failures)));
    if (retryAt > now) out.push({ kind: "account", email: p.email, ip: p.ip, failures: Number(p.failures), retryAt });
  }
  return out;
}

/** Admin: lift a lockout at once (the failures are forgotten; the audit log keeps the event). */
export async function clearLockout(actorId: string, target: { email?: string; ip: string | null }) {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const since = new Date(Date.now() - Math.max(THROTTLE.pairWindowMs, THROTTLE.addressWindowMs));
    const { count } = await tx.loginAttempt.deleteMany({
      where: target.email ? { email: target.email, ip: target.ip, succeeded: false, attemptedAt: { gte: since } } : { ip: target.ip, succeeded: false, attemptedAt: { gte: since } },
    });
    await recordAudit({ actorId, action: "auth.lockout_clear", entityType: "LoginAttempt", data: { email: target.email ?? null, ip: target.ip, failuresCleared: count } }, tx);
    return { cleared: count };
  });
}
