import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { listExportJobs, startExportJob } from "@/lib/export-jobs/export-jobs";

export const dynamic = "force-dynamic";

/** GET: the caller's background exports of the project (admins: everyone's), newest first. */
export const GET = withApiAuth<{ slug: string }>("export:read", async (_req: NextRequest, actor, { slug }) => {
  return Response.json({ jobs: await listExportJobs(actor, slug) });
});

/**
 * POST ?format=…&batch=…&status=…&identifyReviewers=…&content=… (the download's parameters):
 * queues the export and answers 202 with the job; poll GET /api/v1/export-jobs/<id>.
 */
export const POST = withApiAuth<{ slug: string }>("export:read", async (req: NextRequest, actor, { slug }) => {
  const job = await startExportJob(actor, slug, Object.fromEntries(req.nextUrl.searchParams));
  return Response.json(job, { status: 202, headers: { Location: `/api/v1/export-jobs/${job.id}` } });
});
