import { createBatch } from "@/lib/assignments/create-batch";
import { listUsers, findUserByEmail } from "@/lib/auth/users";
import { findProjectForActor } from "@/lib/projects/access";
import type { Command } from "../command";
import { optionalDate, optionalWholeNumber, requireString, resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium assign PROJECT_SLUG --batch NAME [--per-item K] [--reviewers a@x,b@y] [--due YYYY-MM-DD]
                        [--gold-like-others] --as ADMIN_EMAIL

Builds a batch from every item not yet in a batch and assigns K distinct reviewers per item
with balanced load (default K: the project's reviewers per item; default reviewers: every
active reviewer). Gold items go to every chosen reviewer unless --gold-like-others.`;

export const assignCommand: Command = {
  name: "assign",
  summary: "build a batch and assign it to reviewers",
  usage,
  options: { batch: { type: "string" }, "per-item": { type: "string" }, reviewers: { type: "string" }, due: { type: "string" }, "gold-like-others": { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "batch:assign");
    const project = await findProjectForActor(actor, slug);
    const name = requireString(values, "batch", usage);
    const perItem = optionalWholeNumber(values, "per-item", { min: 1, max: 50 });
    const dueAt = optionalDate(values, "due");
    let reviewerIds: string[];
    if (typeof values.reviewers === "string") {
      reviewerIds = [];
      // Each email is resolved here so a typo names the culprit (exit 2) instead of failing the batch as a whole.
      for (const email of values.reviewers.split(",").map((s) => s.trim()).filter(Boolean)) {
        const user = await findUserByEmail(email);
        if (!user) throw new UsageError(`No user with email ${email}.`);
        if (!user.isActive || !["REVIEWER", "ADMIN"].includes(user.role)) throw new UsageError(`${email} is not an active reviewer (role ${user.role.toLowerCase()}${user.isActive ? "" : ", deactivated"}).`);
        reviewerIds.push(user.id);
      }
      if (!reviewerIds.length) throw new UsageError("--reviewers names no one.");
    } else {
      reviewerIds = (await listUsers({ role: "REVIEWER", activeOnly: true })).map((u) => u.id);
    }
    const result = await createBatch(actor.id, project.id, { name, perItem, reviewerIds, dueAt, goldToAllReviewers: !values["gold-like-others"] });
    io.out(`Batch ${result.batch.name}: ${result.items} items, ${result.assignments} assignments (${result.perItem} per item, ${reviewerIds.length} reviewers).`);
  },
};
