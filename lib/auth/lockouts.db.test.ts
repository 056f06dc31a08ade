import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedUser } from "@/lib/seed/factories";
import { authenticate } from "./login";
import { clearLockout, listLockouts } from "./login-throttle";

const PW = "correct horse tango";

describe("admin view of lockouts", () => {
  it("lists refused (account, address) pairs and clears one, with an audit event", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const user = await seedUser({ email: "doc@example.org", password: PW });
    for (let i = 0; i < 5; i++) await authenticate({ email: user.email, password: `nope ${i}` }, "203.0.113.66");
    await authenticate({ email: user.email, password: "one typo only" }, "192.0.2.10");

    const lockouts = await listLockouts();
    expect(lockouts).toEqual([{ kind: "account", email: user.email, ip: "203.0.113.66", failures: 5, retryAt: expect.any(Date) }]);

    expect(await clearLockout(admin.id, { email: user.email, ip: "203.0.113.66" })).toEqual({ cleared: 5 });
    expect(await listLockouts()).toEqual([]);
    expect(await authenticate({ email: user.email, password: PW }, "203.0.113.66")).toMatchObject({ ok: true });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "auth.lockout_clear" } });
    expect(event).toMatchObject({ actorId: admin.id, data: { email: user.email, ip: "203.0.113.66", failuresCleared: 5 } });
  });
});
