import { writeFile } from "node:fs/promises";
import { findProjectForActor } from "@/lib/projects/access";
import { renderPdf, studyReportHtml } from "@/lib/report/render-pdf";
import { loadStudyReport, studyReportMarkdown } from "@/lib/report/study-report";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium report PROJECT_SLUG [--format md|pdf] [--out FILE] --as EMAIL

The study report from the project's records: design, work, results per model with intervals,
agreement, gold accuracy (reviewers by number), judge calibration, and the reporting checklists
(TRIPOD-LLM, MI-CLAIM-GEN, QUEST) filled in where the records allow. Markdown to standard output
unless --out; --format pdf needs --out and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).`;

export const reportCommand: Command = {
  name: "report",
  summary: "the study report (Markdown or PDF)",
  usage,
  options: { format: { type: "string" }, out: { type: "string" } },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug) throw new UsageError(usage);
    const format = (values.format as string | undefined) ?? "md";
    if (format !== "md" && format !== "pdf") throw new UsageError(`--format must be md or pdf.\n\n${usage}`);
    if (format === "pdf" && !values.out) throw new UsageError(`--format pdf needs --out FILE.pdf.\n\n${usage}`);
    const actor = await resolveCliActor(values, "project:read");
    const project = await findProjectForActor(actor, slug, "project:read");
    const markdown = studyReportMarkdown(await loadStudyReport(actor, project.id));
    if (format === "md" && !values.out) return io.out(markdown.trimEnd());
    const body = format === "md" ? markdown : await renderPdf(await studyReportHtml(markdown, `Study report: ${project.name}`));
    await writeFile(values.out as string, body);
    io.err(`Wrote ${values.out}.`);
  },
};
