import { issuePasswordReset, RESET_LINK_HOURS } from "@/lib/auth/password-reset";
import { findUserByEmail } from "@/lib/auth/users";
import type { Command } from "../command";
import { requireString, resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium reset-link --email USER_EMAIL [--base-url URL] --as ADMIN_EMAIL

Prints a one-time password reset link for the user (valid ${RESET_LINK_HOURS} hours; a newer link
replaces it). There is no mail server: hand the link to the user yourself. The link starts with
--base-url, else NEXTAUTH_URL (the app's public URL).`;

export const resetLinkCommand: Command = {
  name: "reset-link",
  summary: "issue a one-time password reset link (admins)",
  usage,
  options: { email: { type: "string" }, "base-url": { type: "string" } },
  async run({ values }, io) {
    const actor = await resolveCliActor(values, "user:manage");
    const base = (values["base-url"] as string | undefined) ?? process.env.NEXTAUTH_URL;
    if (!base || !/^https?:\/\//.test(base)) throw new UsageError(`Give the app's address with --base-url (or set NEXTAUTH_URL).\n\n${usage}`);
    const email = requireString(values, "email", usage);
    const user = await findUserByEmail(email);
    if (!user) throw new UsageError(`No user with email ${email}.`);
    const reset = await issuePasswordReset(actor.id, user.id);
    io.out(`${base.replace(/\/$/, "")}${reset.path}`);
    io.err(`One-time link for ${reset.email}, valid until ${reset.expiresAt.toISOString()}.`);
  },
};
