import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { renderMarkdown } from "@/lib/markdown/render-markdown";

// The study report as PDF, rendered by the app itself: the Markdown goes through the same
// sanitizing renderer as everything else (the report holds imported text: model names, axis labels),
// then Debian's Chromium prints it (`--print-to-pdf`). Chromium is already what the tests run; no
// PDF library, no network (the page loads nothing but its own inline CSS).

export class PdfUnavailableError extends Error {}

const CHROMIUM = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CSS = `
body { font: 11pt/1.45 system-ui, sans-serif; color: #0f172a; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 6pt; } h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #cbd5e1; } h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 6pt 0; page-break-inside: auto; } tr { page-break-inside: avoid; }
th, td { border: 1px solid #cbd5e1; padding: 2pt 4pt; text-align: left; vertical-align: top; } th { background: #f1f5f9; }
code { font-size: 9pt; } ul { padding-left: 14pt; } li { margin: 2pt 0; }
@page { size: A4; margin: 16mm 14mm; }`;

export async function studyReportHtml(markdown: string, title: string): Promise<string> {
  const body = await renderMarkdown(markdown);
  const escapedTitle = title.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapedTitle}</title><style>${CSS}</style></head><body>${body}</body></html>`;
}

function run(cmd: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

export async function renderPdf(html: string): Promise<Buffer> {
  const chromium = CHROMIUM();
  if (!existsSync(chromium)) throw new PdfUnavailableError(`PDF needs Chromium at ${chromium} (Debian: apt-get install chromium, or set CHROMIUM_PATH); the Markdown report works without it.`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "consilium-report-"));
  try {
    const input = path.join(dir, "report.html");
    const output = path.join(dir, "report.pdf");
    await writeFile(input, html);
    const { code, stderr } = await run(chromium, [
      "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-pdf-header-footer", "--disable-extensions",
      `--user-data-dir=${path.join(dir, "profile")}`, `--print-to-pdf=${output}`, pathToFileURL(input).href,
    ]);
    if (code !== 0 || !existsSync(output)) throw new Error(`Chromium could not print the report (exit ${code}): ${stderr.trim().split("\n").pop() ?? ""}`);
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
