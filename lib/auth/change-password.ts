import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { z } from "zod";
import { checkLoginThrottle, recordLoginAttempt } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";
import { assertPasswordPolicy } from "./password-policy";
import type { Actor } from "./permissions";
import { changePasswordSchema } from "./schema";
import { endAllSessions } from "./sessions";

/**
 * A signed-in user changes their own password; the current one is required and its guesses are
 * throttled like sign-ins (a borrowed session must not become a password oracle). Every session
 * of the user ends, this one included: they sign in again with the new password.
 */
export async function changePassword(actor: Actor, input: z.input<typeof changePasswordSchema>, ip: string | null) {
  const data = changePasswordSchema.parse(input);
  const fail = (message: string) => new z.ZodError([{ code: "custom", path: ["currentPassword"], message, input: "" }]);
  const verdict = await checkLoginThrottle(actor.email, ip);
  if (!verdict.ok) throw fail(`Too many wrong passwords. Try again after ${verdict.retryAt.toLocaleTimeString("en-GB")}.`);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, omit: { passwordHash: false } });
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    await recordLoginAttempt(actor.email, ip, false);
    throw fail("Your current password is not correct.");
  }
  if (data.newPassword === data.currentPassword) {
    throw new z.ZodError([{ code: "custom", path: ["newPassword"], message: "Choose a password different from the current one.", input: "" }]);
  }
  assertPasswordPolicy(data.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await endAllSessions(actor.id, tx);
    await recordAudit({ actorId: actor.id, action: "auth.password_change", entityType: "User", entityId: actor.id }, tx);
  });
}
