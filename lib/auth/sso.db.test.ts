import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedUser } from "@/lib/seed/factories";
import { roleFromClaims, signInWithSso, ssoConfig } from "./sso";
import { authenticate } from "./login";

const env = { OIDC_ISSUER: "http://127.0.0.1:4455/", OIDC_CLIENT_ID: "consilium", OIDC_CLIENT_SECRET: "s3cret" };

describe("single sign-on configuration", () => {
  it("is off without an issuer and refuses a half or wrong configuration with a clear error", () => {
    expect(ssoConfig({})).toBeNull();
    expect(() => ssoConfig({ OIDC_ISSUER: "http://idp.example.org" })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => ssoConfig({ ...env, OIDC_ROLE_MAP: "admins=ROOT" })).toThrow(/OIDC_ROLE_MAP entry "admins=ROOT"/);
    expect(() => ssoConfig({ ...env, OIDC_DEFAULT_ROLE: "GOD" })).toThrow(/OIDC_DEFAULT_ROLE/);
    const config = ssoConfig({ ...env, OIDC_ALLOWED_DOMAINS: "Hospital.example, @clinic.example", OIDC_ONLY: "true", OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "staff=REVIEWER, research=RESEARCHER, it=ADMIN" })!;
    expect(config).toMatchObject({ issuer: "http://127.0.0.1:4455", allowedDomains: ["hospital.example", "clinic.example"], ssoOnly: true, defaultRole: "REVIEWER", name: "single sign-on" });
    expect(roleFromClaims(config, { groups: ["staff", "research"] })).toBe("RESEARCHER");
    expect(roleFromClaims(config, { groups: "it staff" })).toBe("ADMIN");
    expect(roleFromClaims(config, { groups: ["visitors"] })).toBe("REVIEWER");
  });
});

describe("signing in with an OpenID identity", () => {
  const config = ssoConfig({ ...env, OIDC_ALLOWED_DOMAINS: "hospital.example", OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "research=RESEARCHER", OIDC_SPECIALTY_CLAIM: "specialty" })!;

  it("creates the user on first sign-in (role and specialty from the claims), then finds them by subject", async () => {
    const first = await signInWithSso(config, { sub: "u-1", email: "Amira.Haddad@hospital.example", email_verified: true, name: "Dr. Amira Haddad", groups: ["research"], specialty: "Cardiology" });
    expect(first).toMatchObject({ ok: true, created: true, user: { email: "amira.haddad@hospital.example", name: "Dr. Amira Haddad" } });
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "amira.haddad@hospital.example" }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ role: "RESEARCHER", specialty: "Cardiology", ssoSubject: "http://127.0.0.1:4455|u-1" });
    // No password opens an SSO-created account.
    expect(await authenticate({ email: user.email, password: "!sso" }, "127.0.0.9")).toMatchObject({ ok: false });
    // The provider may change the address; the subject still names the same user.
    const again = await signInWithSso(config, { sub: "u-1", email: "amira.haddad@hospital.example", name: "Amira" });
    expect(again).toMatchObject({ ok: true, created: false, user: { id: user.id } });
    expect(await getDb().auditEvent.count({ where: { action: "user.sso_create", entityId: user.id } })).toBe(1);
  });

  it("links an existing account by e-mail once, and refuses another subject for it", async () => {
    const existing = await seedUser({ role: "REVIEWER", email: "k.tanaka@hospital.example" });
    expect(await signInWithSso(config, { sub: "u-2", email: "k.tanaka@hospital.example" })).toMatchObject({ ok: true, created: false, user: { id: existing.id } });
    expect(await signInWithSso(config, { sub: "u-3", email: "k.tanaka@hospital.example" })).toEqual({ ok: false, reason: "linked_elsewhere" });
  });

  it("refuses an unknown domain, an unverified address and a deactivated account", async () => {
    expect(await signInWithSso(config, { sub: "x", email: "someone@elsewhere.example" })).toEqual({ ok: false, reason: "domain" });
    expect(await signInWithSso(config, { sub: "y", email: "new@hospital.example", email_verified: false })).toEqual({ ok: false, reason: "unverified" });
    expect(await signInWithSso(config, { sub: "z" })).toEqual({ ok: false, reason: "no_email" });
    expect(await getDb().user.count({ where: { email: { in: ["someone@elsewhere.example", "new@hospital.example"] } } })).toBe(0);
    const gone = await signInWithSso(config, { sub: "u-4", email: "left@hospital.example" });
    expect(gone.ok).toBe(true);
    await getDb().user.update({ where: { email: "left@hospital.example" }, data: { isActive: false } });
    expect(await signInWithSso(config, { sub: "u-4", email: "left@hospital.example" })).toEqual({ ok: false, reason: "inactive" });
    expect(await getDb().auditEvent.count({ where: { action: "auth.sso_refused" } })).toBe(4);
  });
});
