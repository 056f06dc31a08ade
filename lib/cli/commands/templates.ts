import { writeDelimitedRows } from "@/lib/export/csv-cell";
import { RUBRIC_TEMPLATES } from "@/lib/rubrics/templates";
import type { Command } from "../command";

export const templatesCommand: Command = {
  name: "templates",
  summary: "list the built-in rubric templates",
  usage: "Usage: consilium templates",
  options: {},
  async run(_args, io) {
    // Tab-separated like every CLI table, through the one delimited writer (decision 008).
    io.out(writeDelimitedRows(RUBRIC_TEMPLATES.map((t) => [t.key, t.name, `${t.axes.length} axes`, t.citation.text]), "\t").trimEnd());
  },
};
