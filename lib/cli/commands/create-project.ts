import { readFileSync } from "node:fs";
import { createProject } from "@/lib/projects/create-project";
import { slugify } from "@/lib/projects/schema";
import { RUBRIC_TEMPLATES } from "@/lib/rubrics/templates";
import type { Command } from "../command";
import { requireString, resolveCliActor } from "../command";

const usage = `Usage: consilium create-project --template NAME --name NAME [--slug SLUG] [--guidelines-file FILE.md]
                            [--per-item K] [--unblinded] [--fixed-order] --as ADMIN_EMAIL

Templates: ${RUBRIC_TEMPLATES.map((t) => t.key).join(", ")}`;

export const createProjectCommand: Command = {
  name: "create-project",
  summary: "create a project from a rubric template",
  usage,
  options: { template: { type: "string" }, name: { type: "string" }, slug: { type: "string" }, "guidelines-file": { type: "string" }, "per-item": { type: "string" }, unblinded: { type: "boolean" }, "fixed-order": { type: "boolean" } },
  async run({ values }, io) {
    const actor = await resolveCliActor(values, "project:create");
    const name = requireString(values, "name", usage);
    const project = await createProject(actor.id, {
      name,
      slug: (values.slug as string | undefined) ?? slugify(name),
      template: requireString(values, "template", usage),
      guidelines: values["guidelines-file"] ? readFileSync(values["guidelines-file"] as string, "utf8") : "",
      blinded: !values.unblinded,
      randomizeOrder: !values["fixed-order"],
      reviewersPerItem: Number(values["per-item"] ?? 1),
    });
    io.out(`Created project ${project.slug} (${project.id})`);
  },
};
