import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { ApiError, withApiAuth } from "@/lib/api/with-api-auth";
import { findExportJob } from "@/lib/export-jobs/export-jobs";

export const dynamic = "force-dynamic";

const TYPES: Record<string, string> = { jsonl: "application/x-ndjson; charset=utf-8", csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8", zip: "application/zip" };

/** The finished file, streamed (the requester or an admin; not finished yet: 409). */
export const GET = withApiAuth<{ id: string }>("export:read", async (_req: NextRequest, actor, { id }) => {
  const job = await findExportJob(actor, id);
  if (!job.path || !job.fileName) throw new ApiError(409, `This export is ${job.status}${job.error ? `: ${job.error}` : ""}; it can be downloaded once done.`);
  const extension = job.fileName.slice(job.fileName.lastIndexOf(".") + 1);
  return new Response(Readable.toWeb(createReadStream(job.path)) as ReadableStream, {
    headers: { "Content-Type": TYPES[extension] ?? "application/octet-stream", "Content-Disposition": `attachment; filename="${job.fileName}"`, "Content-Length": String(job.bytes ?? ""), "Cache-Control": "no-store" },
  });
});
