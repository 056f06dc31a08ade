import { getDb, type Tx } from "@/lib/db/client";
import { authConfig } from "./config";
import type { Actor } from "./permissions";

// Sessions are next-auth JWTs in a cookie (the web tier stays stateless), made revocable by a
// per-user session version: the JWT carries the version it was issued under (`sv`) and when the
// user signed in (`authAt`). A session counts only while the user is active, the versions match,
// and it is younger than SESSION_MAX_AGE_HOURS, however often it was refreshed. Checking costs the
// one indexed read of the user row that every request already made; ending every session of a
// user is one UPDATE. docs/decisions/007-access-and-accounts.md

export type SessionClaims = { sub?: unknown; sv?: unknown; authAt?: unknown };

export class SessionEndedError extends Error {
  constructor() {
    super("The session has ended (signed out, deactivated, password changed, or older than the maximum age).");
    this.name = "SessionEndedError";
  }
}

export function isSessionFresh(claims: SessionClaims, now = Date.now()): boolean {
  return typeof claims.authAt === "number" && now / 1000 - claims.authAt < authConfig().sessionMaxAgeSeconds;
}

/** The actor a session belongs to, or null when the session no longer counts. One indexed read. */
export async function loadSessionActor(claims: SessionClaims | null | undefined): Promise<Actor | null> {
  if (!claims || typeof claims.sub !== "string" || typeof claims.sv !== "number" || !isSessionFresh(claims)) return null;
  const user = await getDb().user.findUnique({
    where: { id: claims.sub },
    select: { id: true, role: true, email: true, name: true, isActive: true, sessionVersion: true, locale: true },
  });
  if (!user || !user.isActive || user.sessionVersion !== claims.sv) return null;
  return { id: user.id, role: user.role, email: user.email, name: user.name, locale: user.locale };
}

/** Ends every session of the user, on every device (sign-out, deactivation, password change). */
export async function endAllSessions(userId: string, tx?: Tx): Promise<void> {
  await (tx ?? getDb()).user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
