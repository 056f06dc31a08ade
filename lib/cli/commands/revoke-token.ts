import { revokeApiToken } from "@/lib/auth/api-tokens";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium revoke-token TOKEN_ID --as EMAIL

Revokes one of the acting user's API tokens at once (ids from list-tokens).`;

export const revokeTokenCommand: Command = {
  name: "revoke-token",
  summary: "revoke one of your API tokens",
  usage,
  options: {},
  async run({ values, positionals }, io) {
    const actor = await resolveCliActor(values, "account:manage");
    const [id] = positionals;
    if (!id || positionals.length > 1) throw new UsageError(`Name one token id.\n\n${usage}`);
    const token = await revokeApiToken(actor, id);
    io.out(`Revoked ${token.prefix}… (${token.name}).`);
  },
};
