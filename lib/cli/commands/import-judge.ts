import { createReadStream, statSync } from "node:fs";
import { describeFailure, describeImportError } from "@/lib/import/describe-import";
import { jsonlItemRecords } from "@/lib/import/read-jsonl-items";
import { describeJudgeImport } from "@/lib/judges/describe-judge-import";
import { importJudgeResults } from "@/lib/judges/import-judge-results";
import { findProjectForActor } from "@/lib/projects/access";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium import-judge PROJECT_SLUG FILE.jsonl [--replace] --as ADMIN_EMAIL

Imports an automated judge's results beside the physicians' ratings (never shown to reviewers).
One JSON object per line:
  {"externalId":"q-1","response":"model-alpha","axis":"overall_quality","value":4,"judge":"gpt-judge","rationale":"…"}
  {"externalId":"q-1","response":"B","criterion":2,"value":true,"judge":"gpt-judge"}
response: the response's model name, or its label (A, B, …); axis: a rubric axis key rating one
response (value as a reviewer would give it), or criterion: the criterion's id or number (1 = first)
with value true (met) or false (not met). All-or-nothing: any error imports nothing and every error
is listed with its line and field. A value this judge already has for the same response and target is
a conflict unless --replace is given.`;

export const importJudgeCommand: Command = {
  name: "import-judge",
  summary: "import an LLM judge's results (JSONL) for calibration",
  usage,
  options: { replace: { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [slug, file] = positionals;
    if (!slug || !file) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "item:import");
    const project = await findProjectForActor(actor, slug, "item:import");
    try {
      if (!statSync(file).isFile()) throw new UsageError(`${file} is not a file.`);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`Cannot read ${file}.`);
    }
    const result = await importJudgeResults({ actorId: actor.id, projectId: project.id, records: jsonlItemRecords(createReadStream(file)), replace: Boolean(values.replace), fileName: file });
    if (!result.ok) {
      for (const e of result.errors) io.err(describeImportError(e));
      if (result.errorCount > result.errors.length) io.err(`… and ${(result.errorCount - result.errors.length).toLocaleString("en")} more`);
      throw new UsageError(describeFailure(result));
    }
    io.out(`${describeJudgeImport(result)} into ${project.slug}.`);
  },
};
