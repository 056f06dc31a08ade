import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { countExportRecords, prepareExport } from "@/lib/export/prepare-export";
import { runExport } from "@/lib/export/run-export";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";
import { createProgress } from "../progress";

const usage = `Usage: consilium export PROJECT_SLUG [--format jsonl|csv] [--status all|submitted|skipped] [--batch NAME]
                        [--out FILE] [--identify-reviewers] [--no-content] --as EMAIL

Streams the study's records, de-blinded, reviewers pseudonymized (admins may pass
--identify-reviewers): submitted annotations and skipped assignments with their reasons
(--status, default all). JSONL (default) carries item and response texts unless --no-content.
Without --out the file goes to standard output; with --out it appears only once complete.
An unknown project or batch, or a bad flag value, exits with 2.`;

export const exportCommand: Command = {
  name: "export",
  summary: "export submitted annotations and skips (JSONL or CSV)",
  usage,
  options: { format: { type: "string" }, status: { type: "string" }, out: { type: "string" }, batch: { type: "string" }, "identify-reviewers": { type: "boolean" }, "no-content": { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [slug, ...extra] = positionals;
    if (!slug || extra.length) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "export:read");
    let prepared;
    try {
      prepared = await prepareExport(actor, slug, {
        format: values.format as string | undefined,
        batch: values.batch as string | undefined,
        status: values.status as string | undefined,
        identifyReviewers: values["identify-reviewers"] ? "true" : undefined,
        content: values["no-content"] ? "false" : undefined,
      });
    } catch (error) {
      // The query schema's messages name parameters ("format must be …"); here they are flags.
      if (error instanceof z.ZodError) throw new UsageError(`${error.issues.map((i) => `--${i.message}`).join("\n")}\n\n${usage}`);
      throw error;
    }
    const { format, filter } = prepared;
    const progress = createProgress("Exporting", await countExportRecords(filter));
    let records = 0;
    const chunks = Readable.from(runExport({ actorId: actor.id, format, filter, onRecord: () => progress.update(++records) }));
    const out = values.out as string | undefined;
    if (!out) {
      await pipeline(chunks, process.stdout, { end: false });
      progress.finish(records);
      return;
    }
    // Nothing half-written: the file is written aside and renamed into place once complete.
    const partial = `${out}.${process.pid}.partial`;
    try {
      await pipeline(chunks, createWriteStream(partial));
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      const fsError = error as NodeJS.ErrnoException;
      if (fsError.path === partial) throw new UsageError(`Cannot write ${out} (${fsError.code}).`);
      throw error;
    }
    progress.finish(records);
    io.err(`Wrote ${records} records to ${out}.`);
  },
};
