import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedUser } from "@/lib/seed/factories";
import { cookieJar } from "@/test/support/next-headers-stub";
import { SESSION_COOKIE, signInSessionToken } from "@/test/support/session-cookie";

vi.mock("next/headers", () => import("@/test/support/next-headers-stub"));
vi.mock("next/navigation", () => ({ redirect: (to: string) => { throw new Error(`redirect ${to}`); } }));
const { authOptions } = await import("./next-auth");
const { getActor } = await import("./session");
const { setUserActive } = await import("./users");

const PW = "correct horse tango";

beforeEach(() => cookieJar.clear());

async function signedIn(email: string) {
  const { token, claims } = await signInSessionToken(email, PW);
  cookieJar.set(SESSION_COOKIE, token);
  return claims;
}

describe("sessions end on the server", () => {
  it("signing out ends every session of the user: the old cookie no longer opens anything", async () => {
    const user = await seedUser({ email: "doc@example.org", password: PW });
    const claims = await signedIn(user.email);
    const otherDevice = (await signInSessionToken(user.email, PW)).token;
    expect(await getActor()).toMatchObject({ id: user.id });

    await authOptions.events!.signOut!({ token: claims as never, session: undefined as never });
    expect(await getActor()).toBeNull();
    cookieJar.set(SESSION_COOKIE, otherDevice);
    expect(await getActor()).toBeNull();
    expect(await getDb().auditEvent.count({ where: { action: "auth.logout", actorId: user.id } })).toBe(1);
    // Signing in again works.
    await signedIn(user.email);
    expect(await getActor()).toMatchObject({ id: user.id });
  });

  it("deactivation ends sessions, and reactivation does not bring the old cookie back", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const user = await seedUser({ email: "doc@example.org", password: PW });
    await signedIn(user.email);
    await setUserActive(admin.id, user.id, false);
    expect(await getActor()).toBeNull();
    await setUserActive(admin.id, user.id, true);
    expect(await getActor()).toBeNull();
  });

  it("/api/auth/session refuses to extend an ended session or one past the absolute maximum age", async () => {
    const user = await seedUser({ email: "doc@example.org", password: PW });
    const claims = await signedIn(user.email);
    const jwt = authOptions.callbacks!.jwt!;
    // A live session is refreshed as usual.
    await expect(jwt({ token: { ...claims } } as never)).resolves.toMatchObject({ sub: user.id });
    // Signed in 13 hours ago (the maximum is 12): refused however often it was refreshed since.
    const old = { ...claims, authAt: Math.floor(Date.now() / 1000) - 13 * 3600 };
    await expect(jwt({ token: old } as never)).rejects.toThrow(/session has ended/);
    cookieJar.set(SESSION_COOKIE, await (await import("next-auth/jwt")).encode({ token: old, secret: authOptions.secret! }));
    expect(await getActor()).toBeNull();
    // Signed out: refused too.
    await authOptions.events!.signOut!({ token: claims as never, session: undefined as never });
    await expect(jwt({ token: { ...claims } } as never)).rejects.toThrow(/session has ended/);
  });

  it("checks a session with one indexed read and no write", async () => {
    const user = await seedUser({ email: "doc@example.org", password: PW });
    await signedIn(user.email);
    const queries: string[] = [];
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }], omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } } });
    client.$on("query", (e) => queries.push(e.query));
    (globalThis as unknown as { consiliumPrisma?: unknown }).consiliumPrisma = client;
    try {
      expect(await getActor()).toMatchObject({ id: user.id });
      expect(queries).toHaveLength(1);
      expect(queries[0]).toMatch(/^SELECT .* FROM "public"\."User" WHERE \("public"\."User"\."id" = \$1/);
    } finally {
      await disconnectDb();
    }
  });
});
