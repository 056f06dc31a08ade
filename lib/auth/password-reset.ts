import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { getDb, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "./password";
import { assertPasswordPolicy } from "./password-policy";
import { NotFoundError } from "./permissions";
import { resetPasswordSchema } from "./schema";
import { endAllSessions } from "./sessions";

// Admin-issued reset links: there is no mail server, so an admin copies the link and hands it
// over. A link works once, for RESET_LINK_HOURS; a new link replaces any earlier one. Only the
// SHA-256 of its secret is stored.
export const RESET_LINK_HOURS = 24;
/** An invitation (a new account's first password) stays valid longer: it may wait for a clinic shift. */
export const INVITE_LINK_HOURS = 7 * 24;

export type LinkPurpose = "reset" | "invite";

const INVALID = "This reset link does not work: it was used already, has expired, or a newer link replaced it. Ask an admin for a new one.";

const hashSecret = (token: string) => createHash("sha256").update(token).digest("hex");

export function resetLinkPath(token: string): string {
  return `/reset-password/${token}`;
}

export async function issuePasswordReset(actorId: string | null, userId: string) {
  return getDb().$transaction((tx) => issueLink(tx, actorId, userId, "reset"));
}

/** A new one-time link for the user (any earlier unused one stops working), in the caller's transaction. */
export async function issueLink(tx: Tx, actorId: string | null, userId: string, purpose: LinkPurpose) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + (purpose === "invite" ? INVITE_LINK_HOURS : RESET_LINK_HOURS) * 3_600_000);
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw new NotFoundError("No such user.");
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await tx.passwordReset.create({ data: { userId, tokenHash: hashSecret(token), createdById: actorId, expiresAt, purpose } });
  await recordAudit({ actorId, action: purpose === "invite" ? "user.invite" : "user.password_reset_issue", entityType: "User", entityId: userId, data: { expiresAt: expiresAt.toISOString() } }, tx);
  return { token, path: resetLinkPath(token), email: user.email, expiresAt };
}

/** Whom a still-valid link is for (shown on the reset page), or null. */
export async function findPasswordReset(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const reset = await getDb().passwordReset.findUnique({ where: { tokenHash: hashSecret(token) }, include: { user: { select: { email: true, name: true, isActive: true } } } });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date() || !reset.user.isActive) return null;
  return { email: reset.user.email, name: reset.user.name, expiresAt: reset.expiresAt, purpose: reset.purpose as LinkPurpose };
}

/** Sets the new password, uses up the link, ends every session and lifts sign-in throttling. */
export async function resetPassword(input: z.input<typeof resetPasswordSchema>) {
  const data = resetPasswordSchema.parse(input);
  const db = getDb();
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashSecret(data.token) }, include: { user: true } });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date() || !reset.user.isActive) throw new NotFoundError(INVALID);
  assertPasswordPolicy(data.newPassword, reset.user, "newPassword");
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    // Claim the link atomically: of two simultaneous uses, one wins.
    const { count } = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (count !== 1) throw new NotFoundError(INVALID);
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await endAllSessions(reset.userId, tx);
    await tx.loginAttempt.deleteMany({ where: { email: reset.user.email, succeeded: false } });
    await recordAudit({ actorId: reset.userId, action: "user.password_reset", entityType: "User", entityId: reset.userId }, tx);
  });
  return { email: reset.user.email };
}
