import { findProjectForActor } from "@/lib/projects/access";
import { setProjectArchived } from "@/lib/projects/archive";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium archive PROJECT_SLUG [--restore] --as EMAIL

Archives a finished study: it leaves the projects list and every reviewer's queue, and imports,
batches, the rubric, settings and details are locked; results, exports and the audit log stay
readable. --restore undoes it. Site admins and the project's managers.`;

export const archiveCommand: Command = {
  name: "archive",
  summary: "archive (or --restore) a project",
  usage,
  options: { restore: { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug || positionals.length > 1) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "project:manage");
    const project = await findProjectForActor(actor, slug, "project:manage");
    const result = await setProjectArchived(actor, project.id, !values.restore);
    io.out(!result.changed ? `${project.slug} is already ${values.restore ? "not archived" : "archived"}; nothing changed.` : values.restore ? `Restored ${project.slug} (${result.status.toLowerCase()}).` : `Archived ${project.slug}.`);
  },
};
