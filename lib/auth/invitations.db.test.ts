import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedUser } from "@/lib/seed/factories";
import { authenticate } from "./login";
import { inviteUser } from "./invitations";
import { findPasswordReset, INVITE_LINK_HOURS, issuePasswordReset, resetPassword } from "./password-reset";

describe("inviteUser", () => {
  it("creates the account without a usable password and a one-time link of 7 days on which the user chooses one", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const email = `invited-${Date.now().toString(36)}@x.org`;
    const invite = await inviteUser(admin.id, { email: email.toUpperCase(), name: "Dr. Invited", role: "REVIEWER", specialty: "Cardiology" });
    expect(invite.user).toMatchObject({ email, role: "REVIEWER", specialty: "Cardiology", isActive: true });
    const hours = (invite.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(INVITE_LINK_HOURS - 0.1);
    expect(hours).toBeLessThanOrEqual(INVITE_LINK_HOURS);
    expect(await findPasswordReset(invite.token)).toMatchObject({ email, name: "Dr. Invited", purpose: "invite" });
    expect(await getDb().auditEvent.findFirst({ where: { action: "user.invite", entityId: invite.user.id } })).toMatchObject({ actorId: admin.id });

    const chosen = "a phrase of my own choosing";
    expect(await authenticate({ email, password: chosen }, null)).toMatchObject({ ok: false });
    await resetPassword({ token: invite.token, newPassword: chosen, confirmPassword: chosen });
    expect(await authenticate({ email, password: chosen }, null)).toMatchObject({ ok: true });
    // Once only.
    expect(await findPasswordReset(invite.token)).toBeNull();
    await expect(resetPassword({ token: invite.token, newPassword: "another phrase entirely", confirmPassword: "another phrase entirely" })).rejects.toThrow(/does not work/);
    // A later reset link is a reset, not an invite.
    const reset = await issuePasswordReset(admin.id, invite.user.id);
    expect(await findPasswordReset(reset.token)).toMatchObject({ purpose: "reset" });
  });

  it("refuses an e-mail that already has an account, and writes nothing", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const existing = await seedUser({ role: "REVIEWER" });
    const before = await getDb().passwordReset.count();
    await expect(inviteUser(admin.id, { email: existing.email, name: "Twice", role: "REVIEWER" })).rejects.toThrow(/already exists/);
    expect(await getDb().passwordReset.count()).toBe(before);
  });
});
