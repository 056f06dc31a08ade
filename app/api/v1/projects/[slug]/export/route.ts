import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { textStream } from "@/lib/api/stream-response";
import { prepareExport } from "@/lib/export/prepare-export";
import { runExport } from "@/lib/export/run-export";
import { isArgumentExportFormat, prepareArgumentExport } from "@/lib/tools/arguments/export-query";
import { runArgumentExport, zipFiles } from "@/lib/tools/arguments/export-files";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = { jsonl: "application/x-ndjson; charset=utf-8", csv: "text/csv; charset=utf-8", steps: "application/x-ndjson; charset=utf-8", "steps-csv": "text/csv; charset=utf-8" } as const;
const FILE_NAMES = { jsonl: ["annotations", "jsonl"], csv: ["annotations", "csv"], steps: ["steps", "jsonl"], "steps-csv": ["steps", "csv"] } as const;

/**
 * GET ?format=jsonl|csv|steps|steps-csv&batch=NAME&status=submitted|skipped|all&content=false&identifyReviewers=true.
 * Everything that can fail (bad parameter → 400, unknown project or batch → 404) fails in
 * prepareExport, before the stream starts.
 */
export const GET = withApiAuth<{ slug: string }>("export:read", async (req: NextRequest, actor, { slug }) => {
  // Argument annotations: ?format=brat (a zip, one folder per annotator) or conll, &source=reviewers|imported, &foldMajorClaim=true.
  if (isArgumentExportFormat(req.nextUrl.searchParams.get("format"))) {
    const { project, query } = await prepareArgumentExport(actor, slug, Object.fromEntries(req.nextUrl.searchParams));
    const result = await runArgumentExport({ actorId: actor.id, projectId: project.id, format: query.format, source: query.source, batchName: query.batch, identifyReviewers: query.identifyReviewers, foldMajorClaim: query.foldMajorClaim });
    const name = `${project.slug}-arguments-${query.source}-${new Date().toISOString().slice(0, 10)}`;
    const [body, type, extension] = "files" in result ? [zipFiles(result.files), "application/zip", "zip"] : [result.conll, "text/plain; charset=utf-8", "conll"];
    return new Response(body as BodyInit, { headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${name}.${extension}"`, "Cache-Control": "no-store" } });
  }
  const { project, format, filter } = await prepareExport(actor, slug, Object.fromEntries(req.nextUrl.searchParams));
  const chunks = runExport({ actorId: actor.id, format, filter });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(textStream(chunks), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${project.slug}-${FILE_NAMES[format][0]}-${stamp}.${FILE_NAMES[format][1]}"`,
      "Cache-Control": "no-store",
    },
  });
});
