import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedUser } from "@/lib/seed/factories";
import { authenticate } from "./login";
import { setUserActive } from "./users";

const PW = "correct horse tango";

/** Moves every recorded attempt `ms` into the past, instead of waiting (tests never sleep). */
async function age(ms: number) {
  await getDb().$executeRaw`UPDATE "LoginAttempt" SET "attemptedAt" = "attemptedAt" - ${ms} * interval '1 millisecond'`;
}

async function fail(email: string, ip: string | null, times: number) {
  for (let i = 0; i < times; i++) expect(await authenticate({ email, password: `wrong guess ${i}` }, ip)).toMatchObject({ ok: false });
}

describe("authenticate", () => {
  it("signs in with the right password (email case-insensitive) and audits it", async () => {
    const user = await seedUser({ role: "REVIEWER", email: "doc@example.org", password: PW });
    const result = await authenticate({ email: "  DOC@example.org ", password: PW }, "127.0.0.1");
    expect(result).toMatchObject({ ok: true, actor: { id: user.id, role: "REVIEWER" } });
    expect(await getDb().auditEvent.count({ where: { action: "auth.login", actorId: user.id } })).toBe(1);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  it("refuses a wrong password and a deactivated account", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const user = await seedUser({ email: "doc@example.org", password: PW });
    expect(await authenticate({ email: "doc@example.org", password: "wrong" }, null)).toEqual({ ok: false, reason: "invalid" });
    await setUserActive(admin.id, user.id, false);
    expect(await authenticate({ email: "doc@example.org", password: PW }, null)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("login throttling", () => {
  it("one address's failures do not lock out colleagues behind the same NAT address", async () => {
    const doctors = await Promise.all(["lindqvist", "tanaka", "osei"].map((n) => seedUser({ email: `dr.${n}@example.org`, password: PW })));
    // A busy ward: 40 failed sign-ins from the hospital's one public address, none by these three.
    for (let i = 0; i < 40; i++) await authenticate({ email: `someone-${i % 8}@example.org`, password: "typo typo typo" }, "198.51.100.7");
    for (const d of doctors) expect(await authenticate({ email: d.email, password: PW }, "198.51.100.7")).toMatchObject({ ok: true });
  });

  it("five wrong passwords from an attacker do not lock the owner out from their own address", async () => {
    const admin = await seedUser({ role: "ADMIN", email: "admin@example.org", password: PW });
    await fail(admin.email, "203.0.113.66", 5);
    expect(await authenticate({ email: admin.email, password: PW }, "192.0.2.10")).toMatchObject({ ok: true, actor: { id: admin.id } });
  });

  it("backs off per (account, address) after five failures, doubling the wait, and a success resets it", async () => {
    const user = await seedUser({ email: "doc@example.org", password: PW });
    await fail(user.email, "203.0.113.66", 5);
    // The sixth try from that address waits 30 s, even with the right password (no oracle).
    const refused = await authenticate({ email: user.email, password: PW }, "203.0.113.66");
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    const wait = (refused as { retryAt: Date }).retryAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    await age(31_000);
    await fail(user.email, "203.0.113.66", 1); // sixth failure: now 60 s
    const again = await authenticate({ email: user.email, password: PW }, "203.0.113.66");
    expect((again as { retryAt: Date }).retryAt.getTime() - Date.now()).toBeGreaterThan(55_000);
    await age(61_000);
    expect(await authenticate({ email: user.email, password: PW }, "203.0.113.66")).toMatchObject({ ok: true });
    // The success reset the count: the next mistake is free again.
    await fail(user.email, "203.0.113.66", 1);
    expect(await authenticate({ email: user.email, password: PW }, "203.0.113.66")).toMatchObject({ ok: true });
  });

  it("stops one address guessing across many accounts at a ceiling, and only that address", async () => {
    const user = await seedUser({ email: "doc@example.org", password: PW });
    const { THROTTLE } = await import("./login-throttle");
    await getDb().loginAttempt.createMany({
      data: Array.from({ length: THROTTLE.addressCeiling }, (_, i) => ({ email: `victim-${i}@example.org`, ip: "203.0.113.99", succeeded: false })),
    });
    expect(await authenticate({ email: user.email, password: PW }, "203.0.113.99")).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await authenticate({ email: user.email, password: PW }, "192.0.2.10")).toMatchObject({ ok: true });
  });
});
