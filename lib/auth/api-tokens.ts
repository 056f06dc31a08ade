import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";

// Tokens are shown once; only their SHA-256 is stored (lookup by hash, so no timing oracle on a
// per-character compare). The prefix lets a user recognise a token in a list.
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(userId: string, name: string, opts: { expiresAt?: Date } = {}) {
  const token = `csm_${randomBytes(24).toString("base64url")}`;
  const row = await getDb().apiToken.create({
    data: { userId, name, tokenHash: hashApiToken(token), prefix: token.slice(0, 8), expiresAt: opts.expiresAt ?? null },
  });
  return { id: row.id, token };
}
