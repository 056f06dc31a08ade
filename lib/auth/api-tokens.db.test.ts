import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import * as tokens from "./api-tokens";

describe("API tokens", () => {
  it("are created with scopes and an expiry, listed, and revoked by their owner", async () => {
    const researcher = asActor(await seedUser({ role: "RESEARCHER" }));
    const created = await tokens.createApiToken(researcher, { name: "nightly export", scopes: ["export:read", "project:read"], expiresInDays: 30 });
    expect(created.token).toMatch(/^csm_[A-Za-z0-9_-]{32}$/);
    expect(created.expiresAt.getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect(await tokens.authenticateApiToken(created.token)).toMatchObject({ actor: { id: researcher.id }, scopes: ["export:read", "project:read"] });

    const listed = await tokens.listApiTokens(researcher.id);
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: "nightly export", prefix: created.token.slice(0, 8), status: "active" })]);
    expect(JSON.stringify(listed)).not.toContain(created.token); // never shown again, hash not selected
    expect(listed[0]).not.toHaveProperty("tokenHash");

    await tokens.revokeApiToken(researcher, created.id);
    expect(await tokens.authenticateApiToken(created.token)).toBeNull();
    expect((await tokens.listApiTokens(researcher.id))[0].status).toBe("revoked");
    expect(await getDb().auditEvent.count({ where: { action: { in: ["token.create", "token.revoke"] } } })).toBe(2);
  });

  it("never exceed the owner's site role, and another user's token is not found", async () => {
    const reviewer = asActor(await seedUser({ role: "REVIEWER" }));
    await expect(tokens.createApiToken(reviewer, { name: "x", scopes: ["audit:read"] })).rejects.toThrow(/cannot grant audit:read/);
    // Project scopes act only where the owner's project role allows (checked on every use), so any account may carry them.
    expect((await tokens.createApiToken(reviewer, { name: "x", scopes: ["export:read"] })).scopes).toEqual(["export:read"]);
    await expect(tokens.createApiToken(reviewer, { name: "x", scopes: ["user:manage" as never] })).rejects.toThrow(/Unknown scope/);
    await expect(tokens.createApiToken(reviewer, { name: "x", scopes: [] })).rejects.toThrow(/at least one scope/);
    await expect(tokens.createApiToken(reviewer, { name: "x", scopes: ["assignment:work"], expiresInDays: 400 })).rejects.toThrow(/at most 365 days/);
    const mine = await tokens.createApiToken(reviewer, { name: "saves", scopes: ["assignment:work"] });
    expect(mine.expiresAt.getTime() - Date.now()).toBeGreaterThan(89.9 * 86_400_000); // 90 days by default
    const other = asActor(await seedUser({ role: "REVIEWER" }));
    await expect(tokens.revokeApiToken(other, mine.id)).rejects.toThrow(/No such token/);
  });

  it("stop working when expired or when the owner is deactivated", async () => {
    const user = await seedUser({ role: "RESEARCHER" });
    const { token, id } = await tokens.createApiToken(asActor(user), { name: "t", scopes: ["project:read"], expiresInDays: 1 });
    await getDb().apiToken.update({ where: { id }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000), expiresAt: new Date(Date.now() - 1000) } });
    expect(await tokens.authenticateApiToken(token)).toBeNull();
    const fresh = await tokens.createApiToken(asActor(user), { name: "t2", scopes: ["project:read"] });
    await getDb().user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await tokens.authenticateApiToken(fresh.token)).toBeNull();
  });

  it("record lastUsedAt at most once a minute, not on every request", async () => {
    const user = await seedUser({ role: "RESEARCHER" });
    const { token, id } = await tokens.createApiToken(asActor(user), { name: "t", scopes: ["project:read"] });
    const t0 = new Date();
    await tokens.authenticateApiToken(token, t0);
    await tokens.authenticateApiToken(token, new Date(t0.getTime() + 30_000));
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await tokens.authenticateApiToken(token, later);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later);
  });
});
