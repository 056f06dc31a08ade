import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError, type Actor } from "./permissions";
import { createTokenSchema } from "./schema";
import { scopesForRole } from "./token-scopes";

// Tokens are shown once; only their SHA-256 is stored (lookup by hash, so no timing oracle on a
// per-character compare). The prefix lets a user recognise a token in a list. Every token has
// scopes (permissions, never beyond its owner's role) and an expiry.
/** lastUsedAt is written at most this often per token, so API calls do not each cost a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(actor: Actor, input: z.input<typeof createTokenSchema>) {
  const data = createTokenSchema.parse(input);
  const allowed = scopesForRole(actor.role);
  const beyond = data.scopes.filter((s) => !allowed.includes(s));
  if (beyond.length) {
    throw new z.ZodError([{ code: "custom", path: ["scopes"], message: `Your role cannot grant ${beyond.join(", ")}; you may grant ${allowed.join(", ")}.`, input: data.scopes }]);
  }
  const token = `csm_${randomBytes(24).toString("base64url")}`;
  const expiresAt = new Date(Date.now() + data.expiresInDays * 86_400_000);
  const scopes = [...new Set(data.scopes)];
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId: actor.id, name: data.name, tokenHash: hashApiToken(token), prefix: token.slice(0, 8), scopes, expiresAt } });
    await recordAudit({ actorId: actor.id, action: "token.create", entityType: "ApiToken", entityId: created.id, data: { name: data.name, scopes, expiresAt: expiresAt.toISOString() } }, tx);
    return created;
  });
  return { id: row.id, token, name: row.name, scopes, expiresAt };
}

export type TokenStatus = "active" | "expired" | "revoked";

export async function listApiTokens(userId: string, now = new Date()) {
  const rows = await getDb().apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return rows.map((t) => ({ ...t, status: (t.revokedAt ? "revoked" : t.expiresAt <= now ? "expired" : "active") as TokenStatus }));
}

/** Owner only; revoking twice is harmless. Another user's token is "not found". */
export async function revokeApiToken(actor: Actor, tokenId: string) {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id } });
    if (!token) throw new NotFoundError("No such token.");
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAudit({ actorId: actor.id, action: "token.revoke", entityType: "ApiToken", entityId: token.id, data: { name: token.name } }, tx);
    return revoked;
  });
}

/**
 * The actor and scopes behind a bearer token, or null (unknown, revoked, expired, owner
 * deactivated). One indexed read; a write only when lastUsedAt is older than a minute.
 */
export async function authenticateApiToken(raw: string, now = new Date()): Promise<{ actor: Actor; scopes: string[] } | null> {
  const token = await getDb().apiToken.findUnique({
    where: { tokenHash: hashApiToken(raw) },
    include: { user: { select: { id: true, role: true, email: true, name: true, isActive: true } } },
  });
  if (!token || token.revokedAt || token.expiresAt <= now || !token.user.isActive) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await getDb().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  const { user } = token;
  return { actor: { id: user.id, role: user.role, email: user.email, name: user.name }, scopes: token.scopes };
}
