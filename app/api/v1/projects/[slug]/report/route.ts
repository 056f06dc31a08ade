import type { NextRequest } from "next/server";
import { z } from "zod";
import { ApiError, withApiAuth } from "@/lib/api/with-api-auth";
import { findProjectForActor } from "@/lib/projects/access";
import { PdfUnavailableError, renderPdf, studyReportHtml } from "@/lib/report/render-pdf";
import { loadStudyReport, studyReportMarkdown } from "@/lib/report/study-report";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({ format: z.enum(["md", "pdf"], { error: "format must be md or pdf." }).default("md") });

/** The study report from the project's records: `?format=md` (default) or `pdf` (rendered by Chromium; 503 without it). */
export const GET = withApiAuth<{ slug: string }>("project:read", async (req: NextRequest, actor, { slug }) => {
  const { format } = querySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const project = await findProjectForActor(actor, slug, "project:read");
  const markdown = studyReportMarkdown(await loadStudyReport(actor, project.id));
  const name = `${project.slug}-study-report-${new Date().toISOString().slice(0, 10)}`;
  if (format === "md") {
    return new Response(markdown, { headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.md"`, "Cache-Control": "no-store" } });
  }
  const pdf = await renderPdf(await studyReportHtml(markdown, `Study report: ${project.name}`)).catch((e) => {
    throw e instanceof PdfUnavailableError ? new ApiError(503, e.message) : e;
  });
  return new Response(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}.pdf"`, "Cache-Control": "no-store" } });
});
