import { findProjectForActor } from "@/lib/projects/access";
import { addMemberByEmail, removeMemberByEmail } from "@/lib/projects/members";
import { MEMBER_ROLES, memberRoleSchema, PROJECT_ROLE_LABELS } from "@/lib/projects/member-roles";
import type { Command } from "../command";
import { requireString, resolveCliActor } from "../command";
import { UsageError } from "../errors";

const addUsage = `Usage: consilium add-member PROJECT_SLUG EMAIL --role manager|reviewer|adjudicator|analyst --as EMAIL

Makes an existing user a member of the project (or changes their role), whatever their site
role. The project role decides what they may do here:
${MEMBER_ROLES.map((r) => `  ${r.toLowerCase().padEnd(12)} ${PROJECT_ROLE_LABELS[r].does}`).join("\n")}
Reviewers also become members when a batch assigns them work. Site admins and the project's
managers may run this.`;

const removeUsage = `Usage: consilium remove-member PROJECT_SLUG EMAIL --as EMAIL

Ends a membership. Refused while the user still has pending or in-progress assignments in the
project (reviewers reach items through assignments, so they would keep them): let them submit or
skip first. Submitted annotations and skips stay in the study and its exports.`;

function twoPositionals(positionals: string[], usage: string): [string, string] {
  if (positionals.length !== 2) throw new UsageError(usage);
  return [positionals[0], positionals[1]];
}

export const addMemberCommand: Command = {
  name: "add-member",
  summary: "add a user to a project (or change their role)",
  usage: addUsage,
  options: { role: { type: "string" } },
  async run({ values, positionals }, io) {
    const [slug, email] = twoPositionals(positionals, addUsage);
    const role = memberRoleSchema.safeParse(requireString(values, "role", addUsage).toUpperCase());
    if (!role.success) throw new UsageError(`--role must be manager, reviewer, adjudicator or analyst.\n\n${addUsage}`);
    const actor = await resolveCliActor(values, "project:manage");
    const project = await findProjectForActor(actor, slug, "project:manage");
    const r = await addMemberByEmail(actor, project.id, email, role.data);
    const what = { added: "Added", role_changed: "Changed", unchanged: "Kept" }[r.change];
    io.out(`${what} ${r.email} as ${r.role.toLowerCase()} of ${project.slug}.`);
  },
};

export const removeMemberCommand: Command = {
  name: "remove-member",
  summary: "remove a user from a project",
  usage: removeUsage,
  options: {},
  async run({ values, positionals }, io) {
    const [slug, email] = twoPositionals(positionals, removeUsage);
    const actor = await resolveCliActor(values, "project:manage");
    const project = await findProjectForActor(actor, slug, "project:manage");
    const r = await removeMemberByEmail(actor, project.id, email);
    const kept = r.submitted || r.skipped ? `; their ${r.submitted} submitted annotation(s) and ${r.skipped} skip(s) stay in the study and its exports` : "";
    io.out(`Removed ${r.email} from ${project.slug}${kept}.`);
  },
};
