import { listApiTokens } from "@/lib/auth/api-tokens";
import type { Command } from "../command";
import { resolveCliActor } from "../command";

const usage = `Usage: consilium list-tokens --as EMAIL

Lists the acting user's API tokens: id, prefix, name, status, scopes, expiry and last use
(recorded to the minute). Tokens themselves are never shown again.`;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "never");

export const listTokensCommand: Command = {
  name: "list-tokens",
  summary: "list your API tokens",
  usage,
  options: {},
  async run({ values }, io) {
    const actor = await resolveCliActor(values, "account:manage");
    const tokens = await listApiTokens(actor.id);
    if (!tokens.length) return io.out("No API tokens.");
    for (const t of tokens) {
      io.out(`${t.id}  ${t.prefix}…  ${t.status.padEnd(7)}  ${t.name}  [${t.scopes.join(", ")}]  expires ${day(t.expiresAt)}  last used ${day(t.lastUsedAt)}`);
    }
  },
};
