import { deleteBatch, moveReviewerWork, setBatchDueDate } from "@/lib/assignments/batch-changes";
import { findBatchByName } from "@/lib/assignments/find-batch";
import { findUserByEmail } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { findProjectForActor } from "@/lib/projects/access";
import type { Command } from "../command";
import { optionalDate, optionalWholeNumber, resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium batch PROJECT_SLUG BATCH_NAME --as ADMIN_EMAIL, with one of
  --due YYYY-MM-DD | --no-due         set or clear the due date
  --move-from EMAIL [--to a@x,b@y]    move EMAIL's pending work to others (default: the batch's other
                                      reviewers, least loaded first); started, submitted and skipped work stays
  --delete [--drafts N]               delete a batch with no submitted or skipped work; N is the number of
                                      started drafts it will discard (shown when N is wrong)

Changes to a batch after it was assigned; each is audited (the same functions as the batch page).`;

async function userIdOf(email: string): Promise<string> {
  const user = await findUserByEmail(email);
  if (!user) throw new UsageError(`No user with email ${email}.`);
  return user.id;
}

export const batchCommand: Command = {
  name: "batch",
  summary: "change a batch: due date, move pending work, delete",
  usage,
  options: { due: { type: "string" }, "no-due": { type: "boolean" }, "move-from": { type: "string" }, to: { type: "string" }, delete: { type: "boolean" }, drafts: { type: "string" } },
  async run({ values, positionals }, io) {
    const [slug, name] = positionals;
    if (!slug || !name) throw new UsageError(usage);
    const chosen = ["due", "no-due", "move-from", "delete"].filter((k) => values[k] !== undefined && values[k] !== false);
    if (chosen.length !== 1) throw new UsageError(`Choose exactly one change.\n\n${usage}`);
    const actor = await resolveCliActor(values, "batch:assign");
    const project = await findProjectForActor(actor, slug, "batch:assign");
    const batch = await findBatchByName(project.id, name);
    if (values.due !== undefined || values["no-due"]) {
      const dueAt = values["no-due"] ? null : optionalDate(values, "due")!;
      await setBatchDueDate(actor, project.id, batch.id, dueAt);
      io.out(dueAt ? `Batch ${name} is due ${dueAt.toISOString().slice(0, 10)}.` : `Batch ${name} has no due date.`);
      return;
    }
    if (typeof values["move-from"] === "string") {
      const from = await userIdOf(values["move-from"]);
      const to = typeof values.to === "string" ? await Promise.all(values.to.split(",").map((e) => e.trim()).filter(Boolean).map(userIdOf)) : undefined;
      const result = await moveReviewerWork(actor, project.id, batch.id, from, to);
      const names = new Map((await getDb().user.findMany({ where: { id: { in: result.to.map((t) => t.reviewerId) } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
      io.out(`Moved ${result.moved} pending assignment(s)${result.to.length ? `: ${result.to.map((t) => `${t.count} to ${names.get(t.reviewerId)}`).join(", ")}` : ""}.${result.startedKept ? ` ${result.startedKept} started one(s) stay with ${values["move-from"]}.` : ""}${result.linkedKept ? ` ${result.linkedKept} linked to their other rating of the item (a repeat or a study phase) stay too.` : ""}`);
      return;
    }
    const drafts = optionalWholeNumber(values, "drafts", { min: 0, max: 10_000_000 }) ?? 0;
    const result = await deleteBatch(actor, project.id, batch.id, { drafts });
    io.out(`Deleted batch ${result.name}: ${result.assignments} assignment(s)${result.draftsDiscarded ? `, ${result.draftsDiscarded} draft(s) discarded` : ""}. Its items are not in a batch any more.`);
  },
};
