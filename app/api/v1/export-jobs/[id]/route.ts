import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { findExportJob } from "@/lib/export-jobs/export-jobs";

export const dynamic = "force-dynamic";

/** A background export's status and progress (the requester or an admin; others: 404). */
export const GET = withApiAuth<{ id: string }>("export:read", async (_req: NextRequest, actor, { id }) => {
  const { path: _path, ...job } = await findExportJob(actor, id);
  void _path;
  return Response.json({ ...job, download: job.status === "done" ? `/api/v1/export-jobs/${job.id}/download` : null });
});
