import { countUsers, createUser } from "@/lib/auth/users";
import { readFileSync } from "node:fs";
import type { Command } from "../command";
import { requireString, resolveCliActor } from "../command";
import { UsageError } from "../errors";

const ROLES = ["ADMIN", "REVIEWER", "RESEARCHER"] as const;
const isRole = (role: string): role is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(role);

const usage = `Usage: consilium create-user --email EMAIL --name NAME --role ADMIN|REVIEWER|RESEARCHER
                         [--specialty TEXT] [--languages en,es] [--years N] (--password PASS | --password-stdin) --as ADMIN_EMAIL

The very first user of an empty database may be created without --as (it must be an ADMIN).`;

export const createUserCommand: Command = {
  name: "create-user",
  summary: "create a user account",
  usage,
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, specialty: { type: "string" }, languages: { type: "string" }, years: { type: "string" }, password: { type: "string" }, "password-stdin": { type: "boolean" } },
  async run({ values }, io) {
    const role = requireString(values, "role", usage).toUpperCase();
    if (!isRole(role)) throw new UsageError(`--role must be ADMIN, REVIEWER or RESEARCHER.\n\n${usage}`);
    const bootstrap = (await countUsers()) === 0;
    if (bootstrap && role !== "ADMIN") throw new UsageError("The first user must be an ADMIN.");
    const actor = bootstrap ? null : await resolveCliActor(values, "user:manage");
    const password = values["password-stdin"] ? readFileSync(0, "utf8").replace(/\r?\n$/, "") : values.password;
    if (typeof password !== "string") throw new UsageError(`Give a password with --password or --password-stdin.\n\n${usage}`);
    const user = await createUser(actor?.id ?? null, {
      email: requireString(values, "email", usage),
      name: requireString(values, "name", usage),
      role,
      specialty: values.specialty as string | undefined,
      languages: values.languages as string | undefined,
      yearsOfExperience: values.years as string | undefined,
      password,
    });
    io.out(`Created ${user.role.toLowerCase()} ${user.email} (${user.id})`);
  },
};
