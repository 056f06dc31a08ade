import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { textStream } from "@/lib/api/stream-response";
import { manifestOfSingleFileExport } from "@/lib/export/manifest";
import { prepareExport } from "@/lib/export/prepare-export";
import { exportDatasetZip } from "@/lib/export/run-dataset-export";
import { runExport } from "@/lib/export/run-export";
import { isMultiFileFormat } from "@/lib/export/schema";
import { byteStream } from "@/lib/export/zip-stream";
import { isArgumentExportFormat, prepareArgumentExport } from "@/lib/tools/arguments/export-query";
import { runArgumentExport, zipFiles } from "@/lib/tools/arguments/export-files";

export const dynamic = "force-dynamic";

const NDJSON = "application/x-ndjson; charset=utf-8";
const CSV = "text/csv; charset=utf-8";
const SINGLE_FILES = {
  jsonl: [NDJSON, "annotations", "jsonl"],
  csv: [CSV, "annotations", "csv"],
  steps: [NDJSON, "steps", "jsonl"],
  "steps-csv": [CSV, "steps", "csv"],
  preferences: [NDJSON, "preferences", "jsonl"],
  sft: [NDJSON, "sft", "jsonl"],
  healthbench: [NDJSON, "healthbench", "jsonl"],
  coco: ["application/json; charset=utf-8", "regions-coco", "json"],
} as const;

const download = (body: BodyInit, type: string, fileName: string) =>
  new Response(body, { headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" } });

/**
 * GET ?format=jsonl|csv|steps|steps-csv|preferences|sft|healthbench|coco|parquet|hf&batch=NAME&status=submitted|skipped|all
 * &kind=…&reviewer=R-…&from=YYYY-MM-DD&to=YYYY-MM-DD&content=false&identifyReviewers=true&manifest=true.
 * parquet and hf are zips (manifest.json inside); manifest=true answers a single-file format's manifest.
 * Everything that can fail (bad parameter → 400, unknown project, batch or reviewer → 404) fails in
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
  const { project, format, filter, query } = await prepareExport(actor, slug, Object.fromEntries(req.nextUrl.searchParams));
  const stamp = new Date().toISOString().slice(0, 10);
  if (isMultiFileFormat(format)) {
    const name = `${project.slug}-${format === "hf" ? "hf-dataset" : "parquet"}-${stamp}.zip`;
    return download(byteStream(exportDatasetZip({ actorId: actor.id, project, filter, format, query })), "application/zip", name);
  }
  if (query.manifest) {
    const manifest = await manifestOfSingleFileExport({ actorId: actor.id, project, filter, format, query });
    return download(JSON.stringify(manifest, null, 2) + "\n", "application/json; charset=utf-8", `${project.slug}-${SINGLE_FILES[format][1]}-${stamp}.manifest.json`);
  }
  const [type, base, extension] = SINGLE_FILES[format];
  return download(textStream(runExport({ actorId: actor.id, format, filter })), type, `${project.slug}-${base}-${stamp}.${extension}`);
});
