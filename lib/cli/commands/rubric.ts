import { writeFile } from "node:fs/promises";
import { findProjectForActor } from "@/lib/projects/access";
import { describeRubricIssues } from "@/lib/rubrics/rubric-document";
import { loadRubricDocument, saveRubric } from "@/lib/rubrics/rubric-versions";
import { z } from "zod";
import type { Command } from "../command";
import { optionalWholeNumber, readArgumentFile, resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium rubric export PROJECT_SLUG [--version N] [--out FILE] --as EMAIL
       consilium rubric import PROJECT_SLUG FILE.json --as EMAIL

export: the project's rubric (the newest version, or --version N) as a shareable JSON document
(format "consilium-rubric/1"), to standard output unless --out.
import: a rubric document replaces the newest version while no batch uses it; once one does, it
becomes the next version (new batches use it, assignments already made keep theirs). Checked
before anything is written; a rule broken names the axis. Managers and site admins.`;

export const rubricCommand: Command = {
  name: "rubric",
  summary: "export or import a project's rubric as JSON (versions)",
  usage,
  options: { version: { type: "string" }, out: { type: "string" } },
  async run({ values, positionals }, io) {
    const [verb, slug, file] = positionals;
    if (verb === "export" && slug && !file) {
      const version = optionalWholeNumber(values, "version", { min: 1, max: 1_000_000 });
      const actor = await resolveCliActor(values, "project:read");
      const project = await findProjectForActor(actor, slug, "project:read");
      const { version: shown, document } = await loadRubricDocument(actor, project.id, version);
      const text = `${JSON.stringify(document, null, 2)}\n`;
      if (!values.out) return io.out(text.trimEnd());
      await writeFile(values.out as string, text);
      return io.err(`Wrote version ${shown} to ${values.out}.`);
    }
    if (verb === "import" && slug && file) {
      if (values.version !== undefined) throw new UsageError(`--version is for export.\n\n${usage}`);
      let document: unknown;
      try {
        document = JSON.parse(readArgumentFile(file));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${file} is not valid JSON.`);
      }
      const actor = await resolveCliActor(values, "project:manage");
      const project = await findProjectForActor(actor, slug, "project:manage");
      const { version } = await loadRubricDocument(actor, project.id);
      const result = await saveRubric(actor, project.id, document, version).catch((error: unknown) => {
        if (error instanceof z.ZodError) throw new UsageError(`${file} is not a rubric Consilium can use:\n${describeRubricIssues(error).join("\n")}`);
        throw error;
      });
      const said = { edited: `Replaced version ${result.version}.`, new_version: `Saved as version ${result.version}: new batches use it; assignments already made keep version ${version}.`, unchanged: `Version ${result.version} already is this rubric; nothing changed.` };
      return io.out(said[result.change]);
    }
    throw new UsageError(usage);
  },
};
