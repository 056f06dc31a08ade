import { createApiToken } from "@/lib/auth/api-tokens";
import type { Command } from "../command";
import { requireString } from "../command";
import { findUserByEmail } from "@/lib/auth/users";
import { loadActor } from "@/lib/auth/login";
import { UsageError } from "../errors";

const usage = `Usage: consilium create-token --name NAME [--expires-days N] --as EMAIL

Creates an API token for the acting user (Authorization: Bearer <token> on /api/v1). The token
acts with that user's role and project memberships. It is printed once; only its hash is stored.`;

export const createTokenCommand: Command = {
  name: "create-token",
  summary: "create an API token for yourself",
  usage,
  options: { name: { type: "string" }, "expires-days": { type: "string" } },
  async run({ values }, io) {
    const email = (values.as as string | undefined) ?? process.env.CONSILIUM_AS;
    if (!email) throw new UsageError("Say who is acting: --as <email> (or set CONSILIUM_AS).");
    const user = await findUserByEmail(email);
    const actor = user ? await loadActor(user.id) : null;
    if (!actor) throw new UsageError(`No active user with email ${email}.`);
    const days = values["expires-days"] ? Number(values["expires-days"]) : undefined;
    if (days !== undefined && !(days > 0)) throw new UsageError("--expires-days must be a positive number.");
    const { token } = await createApiToken(actor.id, requireString(values, "name", usage), days ? { expiresAt: new Date(Date.now() + days * 86_400_000) } : {});
    io.out(token);
  },
};
