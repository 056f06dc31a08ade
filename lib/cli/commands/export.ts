import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { getDb } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/auth/permissions";
import { runExport } from "@/lib/export/run-export";
import { exportFormatSchema } from "@/lib/export/schema";
import { findProjectForActor } from "@/lib/projects/access";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";
import { createProgress } from "../progress";

const usage = `Usage: consilium export PROJECT_SLUG --format jsonl|csv [--out FILE] [--batch NAME] [--identify-reviewers] [--no-content] --as EMAIL

Streams submitted annotations, de-blinded, reviewers pseudonymized (admins may pass
--identify-reviewers). Without --out the file goes to standard output.`;

export const exportCommand: Command = {
  name: "export",
  summary: "export submitted annotations (JSONL or CSV)",
  usage,
  options: { format: { type: "string" }, out: { type: "string" }, batch: { type: "string" }, "identify-reviewers": { type: "boolean" }, "no-content": { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug) throw new UsageError(usage);
    const format = exportFormatSchema.safeParse(values.format ?? "jsonl");
    if (!format.success) throw new UsageError(`--format must be jsonl or csv.\n\n${usage}`);
    const actor = await resolveCliActor(values, "export:read");
    if (values["identify-reviewers"] && actor.role !== "ADMIN") throw new ForbiddenError("Only admins may export reviewer identities.");
    const project = await findProjectForActor(actor, slug);
    const batchName = values.batch as string | undefined;
    const total = await getDb().annotation.count({
      where: { kind: "REVIEW", submittedAt: { not: null }, assignment: { batch: { projectId: project.id, ...(batchName ? { name: batchName } : {}) } } },
    });
    const progress = createProgress("Exporting", total);
    let records = 0;
    const target = values.out ? createWriteStream(values.out as string) : process.stdout;
    for await (const chunk of runExport({
      actorId: actor.id,
      format: format.data,
      filter: { projectId: project.id, batchName, identifyReviewers: Boolean(values["identify-reviewers"]), includeContent: values.format !== "csv" && !values["no-content"] },
      onRecord: () => progress.update(++records),
    })) {
      if (!target.write(chunk)) await once(target, "drain");
    }
    progress.finish(records);
    if (values.out) {
      target.end();
      await once(target, "finish");
      io.err(`Wrote ${records} annotations to ${values.out}.`);
    }
  },
};
