import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Role } from "@/lib/generated/prisma/enums";

// Single sign-on with OpenID Connect (issue 12, docs/decisions/037-single-sign-on.md), configured
// by environment variables; the provider is the institution's (Keycloak, Entra ID, Okta, …).
//   OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET   required to switch it on
//   OIDC_NAME              the button's label ("Sign in with <name>"), default "single sign-on"
//   OIDC_ALLOWED_DOMAINS   comma-separated e-mail domains allowed to sign in (default: any)
//   OIDC_ROLE_CLAIM        claim naming the user's role(s), e.g. "roles" or "groups"
//   OIDC_ROLE_MAP          "claim value=ROLE" pairs, e.g. "consilium-admins=ADMIN,physicians=REVIEWER"
//   OIDC_DEFAULT_ROLE      role of a new user whose claims map to none (default REVIEWER)
//   OIDC_SPECIALTY_CLAIM   claim copied into a new user's specialty
//   OIDC_ONLY=true         password sign-in is switched off (the login page shows SSO only)

const ROLES = ["ADMIN", "REVIEWER", "RESEARCHER"] as const;

export type SsoConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  allowedDomains: string[];
  roleClaim: string | null;
  roleMap: Map<string, Role>;
  defaultRole: Role;
  specialtyClaim: string | null;
  ssoOnly: boolean;
};

const list = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/** The configuration from the environment, or null when SSO is off. A bad value stops the server with a clear error. */
export function ssoConfig(env: Record<string, string | undefined> = process.env): SsoConfig | null {
  if (!env.OIDC_ISSUER) return null;
  const required = z.object({ OIDC_ISSUER: z.url(), OIDC_CLIENT_ID: z.string().min(1), OIDC_CLIENT_SECRET: z.string().min(1) }).safeParse(env);
  if (!required.success) throw new Error(`Single sign-on: ${required.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join("; ")}`);
  const roleMap = new Map<string, Role>();
  for (const pair of list(env.OIDC_ROLE_MAP)) {
    const [value, role] = pair.split("=").map((s) => s.trim());
    if (!value || !ROLES.includes(role as Role)) throw new Error(`Single sign-on: OIDC_ROLE_MAP entry "${pair}" is not "value=ADMIN|REVIEWER|RESEARCHER".`);
    roleMap.set(value, role as Role);
  }
  const defaultRole = (env.OIDC_DEFAULT_ROLE ?? "REVIEWER") as Role;
  if (!ROLES.includes(defaultRole)) throw new Error(`Single sign-on: OIDC_DEFAULT_ROLE must be one of ${ROLES.join(", ")}.`);
  return {
    issuer: required.data.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: required.data.OIDC_CLIENT_ID,
    clientSecret: required.data.OIDC_CLIENT_SECRET,
    name: env.OIDC_NAME?.trim() || "single sign-on",
    allowedDomains: list(env.OIDC_ALLOWED_DOMAINS).map((d) => d.toLowerCase().replace(/^@/, "")),
    roleClaim: env.OIDC_ROLE_CLAIM?.trim() || null,
    roleMap,
    defaultRole,
    specialtyClaim: env.OIDC_SPECIALTY_CLAIM?.trim() || null,
    ssoOnly: env.OIDC_ONLY === "true" || env.OIDC_ONLY === "1",
  };
}

export type SsoClaims = Record<string, unknown> & { sub?: unknown; email?: unknown; email_verified?: unknown; name?: unknown };
export type SsoOutcome =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number }; created: boolean }
  | { ok: false; reason: "no_email" | "unverified" | "domain" | "inactive" | "linked_elsewhere" };

/** The role a new user gets from their claims: the first mapped value of the role claim, else the default. */
export function roleFromClaims(config: SsoConfig, claims: SsoClaims): Role {
  if (!config.roleClaim) return config.defaultRole;
  const raw = claims[config.roleClaim];
  const values = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(/[\s,]+/) : [];
  // The most privileged mapped role wins when several apply.
  const mapped = values.map((v) => config.roleMap.get(v)).filter((r): r is Role => Boolean(r));
  return (["ADMIN", "RESEARCHER", "REVIEWER"] as const).find((r) => mapped.includes(r)) ?? config.defaultRole;
}

/**
 * Signs in (or first creates) the Consilium user for a verified OpenID identity. The identity is
 * the issuer and subject; an existing account with the same e-mail is linked on first use. A
 * deactivated account stays locked out whatever the provider says.
 */
export async function signInWithSso(config: SsoConfig, claims: SsoClaims, ip: string | null = null): Promise<SsoOutcome> {
  const db = getDb();
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const refuse = async (reason: Exclude<SsoOutcome, { ok: true }>["reason"]): Promise<SsoOutcome> => {
    await recordAudit({ actorId: null, action: "auth.sso_refused", entityType: "User", entityId: null, data: { email: email || null, reason, ip } });
    return { ok: false, reason };
  };
  if (!email || typeof claims.sub !== "string") return refuse("no_email");
  if (claims.email_verified === false) return refuse("unverified");
  const domain = email.split("@")[1] ?? "";
  if (config.allowedDomains.length && !config.allowedDomains.includes(domain)) return refuse("domain");
  const subject = `${config.issuer}|${claims.sub}`;

  const existing = (await db.user.findUnique({ where: { ssoSubject: subject } })) ?? (await db.user.findUnique({ where: { email } }));
  if (existing) {
    if (existing.ssoSubject && existing.ssoSubject !== subject) return refuse("linked_elsewhere");
    if (!existing.isActive) return refuse("inactive");
    const user = await db.user.update({ where: { id: existing.id }, data: { ssoSubject: subject, lastLoginAt: new Date() } });
    await recordAudit({ actorId: user.id, action: "auth.sso_login", entityType: "User", entityId: user.id, data: { ip, issuer: config.issuer } });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }, created: false };
  }
  const specialty = config.specialtyClaim && typeof claims[config.specialtyClaim] === "string" ? (claims[config.specialtyClaim] as string).slice(0, 120) : null;
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
  const user = await db.$transaction(async (tx) => {
    // "!sso": not a password hash, so no password ever matches; a password can be set later by reset.
    const created = await tx.user.create({ data: { email, name, role: roleFromClaims(config, claims), specialty, passwordHash: "!sso", ssoSubject: subject, lastLoginAt: new Date() } });
    await recordAudit({ actorId: created.id, action: "user.sso_create", entityType: "User", entityId: created.id, data: { email, role: created.role, issuer: config.issuer, ip } }, tx);
    return created;
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }, created: true };
}
