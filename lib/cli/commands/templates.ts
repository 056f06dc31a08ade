import { RUBRIC_TEMPLATES } from "@/lib/rubrics/templates";
import type { Command } from "../command";

export const templatesCommand: Command = {
  name: "templates",
  summary: "list the built-in rubric templates",
  usage: "Usage: consilium templates",
  options: {},
  async run(_args, io) {
    for (const t of RUBRIC_TEMPLATES) io.out(`${t.key}\t${t.name}\t${t.axes.length} axes\t${t.citation.text}`);
  },
};
