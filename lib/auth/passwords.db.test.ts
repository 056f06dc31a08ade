import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { authenticate } from "./login";
import { createUser } from "./users";

const PW = "correct horse tango";
const newUser = (password: string, email = `u-${Math.random().toString(36).slice(2, 8)}@example.org`) =>
  createUser(null, { email, name: "Dr. Example", role: "REVIEWER", password });

describe("password policy", () => {
  it("refuses short, common, sequential and personal passwords with a plain reason", async () => {
    await expect(newUser("1234567890")).rejects.toThrow(/at least 12 characters/);
    await expect(newUser("password1234")).rejects.toThrow(/commonly used/);
    await expect(newUser("Dragon2024!!!")).rejects.toThrow(/commonly used/);
    await expect(newUser("abcdefghijklm")).rejects.toThrow(/repetition or sequence/);
    await expect(newUser("xoxoxoxoxoxoxo")).rejects.toThrow(/repetition or sequence/);
    await expect(newUser("margaret.hale-2026", "margaret.hale@example.org")).rejects.toThrow(/email address/);
    await expect(newUser("consilium-demo")).resolves.toMatchObject({ role: "REVIEWER" }); // the demo password stays valid
  });

  it("uses every byte of long passwords (bcrypt ignored everything after 72 bytes)", async () => {
    const stem = "we keep the ward's night-shift handover notes in the blue folder by the door, ";
    expect(Buffer.byteLength(stem)).toBeGreaterThan(72);
    const user = await newUser(stem + "always");
    expect(await authenticate({ email: user.email, password: stem + "always" }, null)).toMatchObject({ ok: true });
    expect(await authenticate({ email: user.email, password: stem + "never!" }, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("re-hashes an old bcrypt hash with argon2id at the next sign-in", async () => {
    const user = await seedUser({ email: "doc@example.org", password: PW });
    await getDb().user.update({ where: { id: user.id }, data: { passwordHash: await bcrypt.hash(PW, 4) } });
    expect(await authenticate({ email: user.email, password: PW }, null)).toMatchObject({ ok: true });
    const { passwordHash } = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await authenticate({ email: user.email, password: PW }, null)).toMatchObject({ ok: true });
  });
});

describe("password change", () => {
  it("needs the current password, applies the policy, and ends every session", async () => {
    const { changePassword } = await import("./change-password");
    const user = await seedUser({ email: "doc@example.org", password: PW });
    const actor = asActor(user);
    await expect(changePassword(actor, { currentPassword: "not it at all", newPassword: "a brand new phrase", confirmPassword: "a brand new phrase" }, null)).rejects.toThrow(/current password is not correct/);
    await expect(changePassword(actor, { currentPassword: PW, newPassword: "1234567890", confirmPassword: "1234567890" }, null)).rejects.toThrow(/at least 12/);
    await expect(changePassword(actor, { currentPassword: PW, newPassword: "a brand new phrase", confirmPassword: "a brand new phrasf" }, null)).rejects.toThrow(/differ/);
    const before = (await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    await changePassword(actor, { currentPassword: PW, newPassword: "a brand new phrase", confirmPassword: "a brand new phrase" }, null);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(before + 1);
    expect(await authenticate({ email: user.email, password: PW }, null)).toMatchObject({ ok: false });
    expect(await authenticate({ email: user.email, password: "a brand new phrase" }, null)).toMatchObject({ ok: true });
    expect(await getDb().auditEvent.count({ where: { action: "auth.password_change", actorId: user.id } })).toBe(1);
  });
});

describe("admin-issued reset links", () => {
  it("work once, expire, are replaced by a newer link, end sessions and lift throttling", async () => {
    const { issuePasswordReset, findPasswordReset, resetPassword } = await import("./password-reset");
    const admin = await seedUser({ role: "ADMIN" });
    const user = await seedUser({ email: "doc@example.org", password: PW });
    for (let i = 0; i < 6; i++) await authenticate({ email: user.email, password: `forgot it ${i}` }, "192.0.2.10");

    const first = await issuePasswordReset(admin.id, user.id);
    expect(first.path).toBe(`/reset-password/${first.token}`);
    const second = await issuePasswordReset(admin.id, user.id);
    expect(await findPasswordReset(first.token)).toBeNull(); // replaced
    expect(await findPasswordReset(second.token)).toMatchObject({ email: user.email });
    await expect(resetPassword({ token: first.token, newPassword: "my new ward phrase", confirmPassword: "my new ward phrase" })).rejects.toThrow(/does not work/);
    await expect(resetPassword({ token: second.token, newPassword: "password1234", confirmPassword: "password1234" })).rejects.toThrow(/commonly used/);

    const version = (await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    await resetPassword({ token: second.token, newPassword: "my new ward phrase", confirmPassword: "my new ward phrase" });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(version + 1);
    expect(await authenticate({ email: user.email, password: "my new ward phrase" }, "192.0.2.10")).toMatchObject({ ok: true });
    await expect(resetPassword({ token: second.token, newPassword: "another new phrase", confirmPassword: "another new phrase" })).rejects.toThrow(/does not work/);

    const third = await issuePasswordReset(admin.id, user.id);
    await getDb().passwordReset.updateMany({ where: { usedAt: null }, data: { createdAt: new Date(Date.now() - 48 * 3_600_000), expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ token: third.token, newPassword: "another new phrase", confirmPassword: "another new phrase" })).rejects.toThrow(/does not work/);
    expect(await getDb().auditEvent.count({ where: { action: "user.password_reset_issue" } })).toBe(3);
    expect(await getDb().auditEvent.count({ where: { action: "user.password_reset" } })).toBe(1);
  });
});
