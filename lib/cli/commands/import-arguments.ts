import { describeFailure, describeImported, describeImportError } from "@/lib/import/describe-import";
import { findProjectForActor } from "@/lib/projects/access";
import { ARGUMENT_IMPORT_FORMATS, importArgumentFiles, type ArgumentImportFormat } from "@/lib/tools/arguments/import-documents";
import { ImportFilesError, readImportPath } from "@/lib/tools/arguments/read-files";
import { resolveCliActor, type CliIo } from "../command";
import { UsageError } from "../errors";

export function isArgumentFormat(format: unknown): format is ArgumentImportFormat {
  return typeof format === "string" && (ARGUMENT_IMPORT_FORMATS as readonly string[]).includes(format.toLowerCase());
}

/** `import SLUG PATH --format brat|conll|casimedicos`: the same lib/ function as the project page and the API. */
export async function importArgumentsCommand(
  opts: { slug: string; path: string; format: ArgumentImportFormat; skipInvalid: boolean; values: Record<string, unknown> },
  io: CliIo,
): Promise<void> {
  const actor = await resolveCliActor(opts.values, "item:import");
  const project = await findProjectForActor(actor, opts.slug, "item:import");
  let files;
  try {
    files = readImportPath(opts.path);
  } catch (error) {
    if (error instanceof ImportFilesError) throw new UsageError(error.message);
    throw error;
  }
  const result = await importArgumentFiles({ actorId: actor.id, projectId: project.id, format: opts.format.toLowerCase() as ArgumentImportFormat, files, skipInvalid: opts.skipInvalid, fileName: opts.path });
  for (const note of result.notes) io.err(`note: ${note}`);
  if (!result.ok) {
    for (const e of result.errors) io.err(describeImportError(e));
    if (result.errorCount > result.errors.length) io.err(`… and ${(result.errorCount - result.errors.length).toLocaleString("en")} more`);
    throw new UsageError(`${describeFailure(result).replace(/ in [\d,]+ lines?/, "")}${opts.skipInvalid ? "" : " (--skip-invalid imports the rest and lists what it leaves out.)"}`);
  }
  io.out(`${describeImported(result)} into ${project.slug}${result.labelSetExtended ? "; the project's label set gained the labels and relations of annotation.conf" : ""}.`);
}
