import { createReadStream, statSync } from "node:fs";
import { describeFailure, describeImported, describeImportError } from "@/lib/import/describe-import";
import { chooseImportFormat, SUPPORTED_FORMATS } from "@/lib/import/import-format";
import { importItems } from "@/lib/import/import-items";
import { readImportRecords } from "@/lib/import/read-import-records";
import { findProjectForActor } from "@/lib/projects/access";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";
import { createProgress } from "../progress";
import { importArgumentsCommand, isArgumentFormat } from "./import-arguments";

const usage = `Usage: consilium import PROJECT_SLUG FILE.jsonl|FILE.csv [--format jsonl|csv] --as ADMIN_EMAIL
       consilium import PROJECT_SLUG FOLDER|FILE.zip|FILE --format brat|conll|casimedicos [--skip-invalid] --as ADMIN_EMAIL

Imports items: JSONL has one JSON object per line; CSV has a header row naming fields as dotted
paths (externalId,question,responses.0.modelName,responses.0.content,…). The format follows the
file's extension (.jsonl, .ndjson, .csv) unless --format says otherwise.
Supported formats: ${SUPPORTED_FORMATS}.
All-or-nothing: any error imports nothing and every error is listed with its line number and field.
Argument corpora (docs/formats.md): a brat folder (.txt + .ann, annotation.conf), CoNLL/BIO files,
or CasiMedicos-Arg's .json and .jsonl; each document becomes a note item whose spans reviewers start
from. --skip-invalid imports what can be read and lists what was left out.`;

export const importCommand: Command = {
  name: "import",
  summary: "import items from a JSONL or CSV file",
  usage,
  options: { format: { type: "string" }, "skip-invalid": { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [slug, file] = positionals;
    if (!slug || !file) throw new UsageError(usage);
    if (isArgumentFormat(values.format)) return importArgumentsCommand({ slug, path: file, format: values.format, skipInvalid: Boolean(values["skip-invalid"]), values }, io);
    if (values["skip-invalid"]) throw new UsageError(`--skip-invalid applies to --format brat, conll or casimedicos.\n\n${usage}`);
    const choice = chooseImportFormat({ format: values.format as string | undefined, fileName: file });
    if ("error" in choice) throw new UsageError(values.format ? choice.error : `${choice.error} To read it as one of them anyway, add --format jsonl or --format csv.`);
    const actor = await resolveCliActor(values, "item:import");
    const project = await findProjectForActor(actor, slug, "item:import");
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new UsageError(`${file} is not a file.`);
      size = stat.size;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`Cannot read ${file}.`);
    }
    const progress = createProgress("Importing", size);
    let bytes = 0;
    const { records, bytesRead } = readImportRecords(choice.format, createReadStream(file));
    const result = await importItems({
      actorId: actor.id,
      projectId: project.id,
      records,
      bytesRead,
      fileName: file,
      onProgress: (p) => {
        bytes = p.bytes;
        progress.update(p.bytes);
      },
    });
    progress.finish(bytes);
    if (!result.ok) {
      for (const e of result.errors) io.err(describeImportError(e));
      if (result.errorCount > result.errors.length) io.err(`… and ${(result.errorCount - result.errors.length).toLocaleString("en")} more`);
      throw new UsageError(describeFailure(result));
    }
    io.out(`${describeImported(result)} into ${project.slug}.`);
  },
};
