import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { buildManifest } from "@/lib/export/manifest";
import { countExportRecords, prepareExport } from "@/lib/export/prepare-export";
import { runExport } from "@/lib/export/run-export";
import { isMultiFileFormat } from "@/lib/export/schema";
import { exportDatasetCommand } from "./export-dataset";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";
import { createProgress } from "../progress";
import { exportArgumentsCommand } from "./export-arguments";
import { isArgumentExportFormat } from "@/lib/tools/arguments/export-query";

const usage = `Usage: consilium export PROJECT_SLUG [--format jsonl|csv|steps|steps-csv|preferences|sft|healthbench|coco] [--status all|submitted|skipped] [--batch NAME]
                        [--kind KIND] [--reviewer R-…] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                        [--out FILE] [--identify-reviewers] [--no-content] --as EMAIL

Streams the study's records, de-blinded, reviewers pseudonymized (admins may pass
--identify-reviewers): submitted annotations and skipped assignments with their reasons
(--status, default all). JSONL (default) carries item and response texts unless --no-content.
Without --out the file goes to standard output; with --out it appears only once complete.
With --out FILE, FILE.manifest.json is written beside it (counts, filters, rubric versions, app version).
coco: the regions reviewers drew on images as one COCO JSON file (images, categories, annotations),
with the models' localizations and the reviewers' verdicts on them as "predictions".
An unknown project, batch or reviewer, or a bad flag value, exits with 2.

       consilium export PROJECT_SLUG --format parquet|hf --out FOLDER|FILE.zip [same filters] --as EMAIL
Parquet: one table per record type (annotations, ratings, responses, pairwise, criteria, steps, regions) and
manifest.json; hf: a Hugging Face datasets folder (data/*.parquet, README.md dataset card, manifest.json).

       consilium export PROJECT_SLUG --format brat --out FOLDER|FILE.zip [--source reviewers|imported]
       consilium export PROJECT_SLUG --format conll [--out FILE] [--source reviewers|imported] [--fold-major-claim]
Argument annotations (docs/formats.md): brat standoff, one folder per reviewer (--source reviewers,
the default: submitted reviews) or "imported" (the spans the items were imported with), files named
by external id, annotation.conf included; CoNLL/BIO with IOB2 tags, -DOCSTART- naming each document.`;

async function openTarget(out: string, partial: string) {
  const stream = createWriteStream(partial);
  try {
    await once(stream, "open");
    return stream;
  } catch (error) {
    throw new UsageError(`Cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? "error"}).`);
  }
}

export const exportCommand: Command = {
  name: "export",
  summary: "export submitted annotations and skips (JSONL or CSV)",
  usage,
  options: { format: { type: "string" }, status: { type: "string" }, out: { type: "string" }, batch: { type: "string" }, kind: { type: "string" }, reviewer: { type: "string" }, from: { type: "string" }, to: { type: "string" }, "identify-reviewers": { type: "boolean" }, "no-content": { type: "boolean" }, source: { type: "string" }, "fold-major-claim": { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [slug, ...extra] = positionals;
    if (!slug || extra.length) throw new UsageError(usage);
    if (isArgumentExportFormat(values.format as string | undefined)) return exportArgumentsCommand(slug, values, io, usage);
    const actor = await resolveCliActor(values, "export:read");
    let prepared;
    try {
      prepared = await prepareExport(actor, slug, {
        format: values.format as string | undefined,
        batch: values.batch as string | undefined,
        status: values.status as string | undefined,
        kind: values.kind as string | undefined,
        reviewer: values.reviewer as string | undefined,
        from: values.from as string | undefined,
        to: values.to as string | undefined,
        identifyReviewers: values["identify-reviewers"] ? "true" : undefined,
        content: values["no-content"] ? "false" : undefined,
      });
    } catch (error) {
      // The query schema's messages name parameters ("format must be …"); here they are flags.
      if (error instanceof z.ZodError) throw new UsageError(`${error.issues.map((i) => `--${i.message}`).join("\n")}\n\n${usage}`);
      throw error;
    }
    const { format, filter } = prepared;
    if (isMultiFileFormat(format)) return exportDatasetCommand({ ...prepared, format, actorId: actor.id, out: values.out as string | undefined, usage }, io);
    const total = await countExportRecords(filter);
    const out = values.out as string | undefined;
    // Nothing half-written: the file is written aside and renamed into place once complete. It is
    // opened before the export starts, so a bad path fails before anything is read or audited.
    const partial = `${out}.${process.pid}.partial`;
    const target = out ? await openTarget(out, partial) : null;
    const progress = createProgress("Exporting", total);
    let records = 0;
    const counts: Record<string, number> = {};
    const chunks = Readable.from(runExport({ actorId: actor.id, format, filter, counts, onRecord: () => progress.update(++records) }));
    if (!out || !target) {
      try {
        await pipeline(chunks, process.stdout, { end: false });
      } catch (error) {
        // The reader went away (`| head`): that ends the export, it is not a failure.
        if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
      }
      progress.finish(records);
      return;
    }
    try {
      await pipeline(chunks, target);
      await rename(partial, out);
      const manifest = await buildManifest({ format, project: prepared.project, query: prepared.query, filter, counts });
      await writeFile(`${out}.manifest.json`, JSON.stringify(manifest, null, 2) + "\n");
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    progress.finish(records);
    io.err(`Wrote ${records} records to ${out} (manifest: ${out}.manifest.json).`);
  },
};
