import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedUser } from "@/lib/seed/factories";
import { authenticate, MAX_FAILURES_PER_EMAIL } from "./login";
import { setUserActive } from "./users";

describe("authenticate", () => {
  it("signs in with the right password (email case-insensitive) and audits it", async () => {
    const user = await seedUser({ role: "REVIEWER", email: "doc@example.org", password: "correct horse" });
    const result = await authenticate({ email: "  DOC@example.org ", password: "correct horse" }, "127.0.0.1");
    expect(result).toMatchObject({ ok: true, actor: { id: user.id, role: "REVIEWER" } });
    expect(await getDb().auditEvent.count({ where: { action: "auth.login", actorId: user.id } })).toBe(1);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  it("refuses a wrong password and a deactivated account", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const user = await seedUser({ email: "doc@example.org", password: "correct horse" });
    expect(await authenticate({ email: "doc@example.org", password: "wrong" }, null)).toEqual({ ok: false, reason: "invalid" });
    await setUserActive(admin.id, user.id, false);
    expect(await authenticate({ email: "doc@example.org", password: "correct horse" }, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("rate-limits repeated failures for an email, even with the right password", async () => {
    await seedUser({ email: "doc@example.org", password: "correct horse" });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await authenticate({ email: "doc@example.org", password: `guess-${i}` }, "10.0.0.9");
    expect(await authenticate({ email: "doc@example.org", password: "correct horse" }, "127.0.0.1")).toEqual({ ok: false, reason: "rate_limited" });
  });
});
