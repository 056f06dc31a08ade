import { createApiToken } from "@/lib/auth/api-tokens";
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from "@/lib/auth/schema";
import { API_SCOPES } from "@/lib/auth/token-scopes";
import type { Command } from "../command";
import { requireString, resolveCliActor } from "../command";

const usage = `Usage: consilium create-token --name NAME --scopes SCOPE[,SCOPE…] [--expires-days N] --as EMAIL

Creates an API token for the acting user (Authorization: Bearer <token> on /api/v1). The token may
do only what its scopes name, and never more than its owner's role allows. It expires after N days
(default ${TOKEN_DEFAULT_DAYS}, at most ${TOKEN_MAX_DAYS}). It is printed once; only its hash is stored.

Scopes:
${Object.entries(API_SCOPES).map(([s, d]) => `  ${s.padEnd(16)} ${d}`).join("\n")}`;

export const createTokenCommand: Command = {
  name: "create-token",
  summary: "create an API token for yourself (scoped, expiring)",
  usage,
  options: { name: { type: "string" }, scopes: { type: "string" }, "expires-days": { type: "string" } },
  async run({ values }, io) {
    const actor = await resolveCliActor(values, "account:manage");
    const scopes = requireString(values, "scopes", usage).split(",").map((s) => s.trim()).filter(Boolean);
    const created = await createApiToken(actor, { name: requireString(values, "name", usage), scopes: scopes as never, expiresInDays: values["expires-days"] as string | undefined });
    io.out(created.token);
  },
};
