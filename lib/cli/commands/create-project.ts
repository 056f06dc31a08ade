import { createProject } from "@/lib/projects/create-project";
import { slugify } from "@/lib/projects/schema";
import { projectSettingsSchema, type ProjectSettings } from "@/lib/projects/settings";
import { UsageError } from "../errors";
import { findTemplate, RUBRIC_TEMPLATES } from "@/lib/rubrics/templates";
import type { Command } from "../command";
import { optionalWholeNumber, readArgumentFile, requireString, resolveCliActor } from "../command";

const usage = `Usage: consilium create-project --template NAME --name NAME [--slug SLUG] [--guidelines-file FILE.md]
                            [--per-item K] [--unblinded] [--fixed-order] [--settings JSON] --as ADMIN_EMAIL

--settings takes the project options as JSON, e.g. '{"pairwiseStrength":true,"imageHosts":["img.example.org"]}'
(revealMcqAnswer, dialogueTarget final_turn|whole_dialogue, pairwiseStrength, askConfidence, imageHosts).

Templates: ${RUBRIC_TEMPLATES.map((t) => t.key).join(", ")}`;

function parseSettings(json: string): ProjectSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new UsageError("--settings must be a JSON object.");
  }
  const parsed = projectSettingsSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--settings: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(settings)"}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

export const createProjectCommand: Command = {
  name: "create-project",
  summary: "create a project from a rubric template",
  usage,
  options: { template: { type: "string" }, name: { type: "string" }, slug: { type: "string" }, "guidelines-file": { type: "string" }, "per-item": { type: "string" }, unblinded: { type: "boolean" }, "fixed-order": { type: "boolean" }, settings: { type: "string" } },
  async run({ values }, io) {
    const actor = await resolveCliActor(values, "project:create");
    const name = requireString(values, "name", usage);
    const template = requireString(values, "template", usage);
    if (!findTemplate(template)) throw new UsageError(`Unknown rubric template "${template}". Run \`consilium templates\` to list them (${RUBRIC_TEMPLATES.map((t) => t.key).join(", ")}).`);
    const project = await createProject(actor.id, {
      name,
      slug: (values.slug as string | undefined) ?? slugify(name),
      template,
      guidelines: values["guidelines-file"] ? readArgumentFile(values["guidelines-file"] as string) : "",
      blinded: !values.unblinded,
      randomizeOrder: !values["fixed-order"],
      reviewersPerItem: optionalWholeNumber(values, "per-item", { min: 1, max: 50 }) ?? 1,
      ...(values.settings ? { settings: parseSettings(values.settings as string) } : {}),
    });
    io.out(`Created project ${project.slug} (${project.id})`);
  },
};
