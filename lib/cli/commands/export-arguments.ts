import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { prepareArgumentExport } from "@/lib/tools/arguments/export-query";
import { runArgumentExport, zipFiles } from "@/lib/tools/arguments/export-files";
import { resolveCliActor, type CliIo } from "../command";
import { UsageError } from "../errors";

/**
 * `export --format brat|conll`: brat goes to a folder (or a .zip), CoNLL to a file or standard
 * output. Nothing half-written: the folder or file is written aside and renamed into place.
 */
export async function exportArgumentsCommand(slug: string, values: Record<string, string | boolean | undefined>, io: CliIo, usage: string): Promise<void> {
  const actor = await resolveCliActor(values, "export:read");
  if (values.status || values["no-content"]) throw new UsageError(`--status and --no-content apply to JSONL and CSV exports.\n\n${usage}`);
  let prepared;
  try {
    prepared = await prepareArgumentExport(actor, slug, {
      format: values.format as string,
      source: values.source as string | undefined,
      batch: values.batch as string | undefined,
      identifyReviewers: values["identify-reviewers"] ? "true" : undefined,
      foldMajorClaim: values["fold-major-claim"] ? "true" : undefined,
    });
  } catch (error) {
    if (error instanceof z.ZodError) throw new UsageError(`${error.issues.map((i) => `--${i.message}`).join("\n")}\n\n${usage}`);
    throw error;
  }
  const { project, query } = prepared;
  const out = values.out as string | undefined;
  if (query.format === "brat" && !out) throw new UsageError(`brat is many files: give --out FOLDER or --out FILE.zip.\n\n${usage}`);
  const result = await runArgumentExport({ actorId: actor.id, projectId: project.id, format: query.format, source: query.source, batchName: query.batch, identifyReviewers: query.identifyReviewers, foldMajorClaim: query.foldMajorClaim });
  if ("conll" in result) {
    if (!out) return void process.stdout.write(result.conll);
    await writeAside(out, (partial) => writeFile(partial, result.conll));
  } else if (out!.toLowerCase().endsWith(".zip")) {
    await writeAside(out!, (partial) => writeFile(partial, zipFiles(result.files)));
  } else {
    await writeAside(out!, async (partial) => {
      for (const file of result.files) {
        await mkdir(path.dirname(path.join(partial, file.name)), { recursive: true });
        await writeFile(path.join(partial, file.name), file.content);
      }
    });
  }
  io.err(`Wrote ${result.documents} document${result.documents === 1 ? "" : "s"} (${query.source}) to ${out ?? "standard output"}.`);
}

async function writeAside(out: string, write: (partial: string) => Promise<void>): Promise<void> {
  const partial = `${out}.${process.pid}.partial`;
  try {
    await write(partial);
    // An existing folder is never replaced (a mistyped --out must not delete anything): rename fails on it.
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTEMPTY" || code === "EEXIST" || code === "EISDIR") throw new UsageError(`${out} exists already; give a new folder (or a .zip file) for --out.`);
    if (code) throw new UsageError(`Cannot write ${out} (${code}).`);
    throw error;
  }
}
