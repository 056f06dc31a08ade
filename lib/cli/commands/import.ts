import { createReadStream, statSync } from "node:fs";
import { importItems } from "@/lib/import/import-items";
import { csvItemRecords, isCsvFile } from "@/lib/import/read-csv-items";
import { readLines } from "@/lib/import/read-lines";
import { findProjectForActor } from "@/lib/projects/access";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";
import { createProgress } from "../progress";

const usage = `Usage: consilium import PROJECT_SLUG FILE.jsonl|FILE.csv --as ADMIN_EMAIL

Imports items: JSONL has one JSON object per line; CSV has a header row naming fields as dotted
paths (externalId,question,responses.0.modelName,responses.0.content,…). All-or-nothing: any
error imports nothing and every error is listed with its line number and field.`;

export const importCommand: Command = {
  name: "import",
  summary: "import items from a JSONL or CSV file",
  usage,
  options: {},
  async run({ values, positionals }, io) {
    const [slug, file] = positionals;
    if (!slug || !file) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "item:import");
    const project = await findProjectForActor(actor, slug);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new UsageError(`Cannot read ${file}.`);
    }
    const progress = createProgress("Importing", size);
    let bytes = 0;
    let bytesRead = 0;
    const source = isCsvFile(file)
      ? { records: csvItemRecords(createReadStream(file), (n) => (bytesRead += n)), bytesRead: () => bytesRead }
      : { lines: readLines(createReadStream(file)) };
    const result = await importItems({
      actorId: actor.id,
      projectId: project.id,
      ...source,
      fileName: file,
      onProgress: (p) => { bytes = p.bytes; progress.update(p.bytes); },
    });
    progress.finish(bytes);
    if (!result.ok) {
      for (const e of result.errors) io.err(`line ${e.line}, ${e.field}: ${e.message}`);
      if (result.errorCount > result.errors.length) io.err(`… and ${result.errorCount - result.errors.length} more`);
      throw new UsageError(`Import failed with ${result.errorCount} error(s); nothing was imported.`);
    }
    io.out(`Imported ${result.imported} items with ${result.responses} responses into ${project.slug}.`);
  },
};
