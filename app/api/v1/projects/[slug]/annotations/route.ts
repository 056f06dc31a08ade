import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { listAnnotationRecords } from "@/lib/export/list-annotation-records";

export const dynamic = "force-dynamic";

/**
 * GET ?limit=&cursor=&batch=&status=&kind=&reviewer=&from=&to=&content=&identifyReviewers=: the
 * JSONL export's records a page at a time ({data, nextCursor}); status defaults to submitted.
 */
export const GET = withApiAuth<{ slug: string }>("export:read", async (req: NextRequest, actor, { slug }) => {
  return Response.json(await listAnnotationRecords(actor, slug, Object.fromEntries(req.nextUrl.searchParams)), { headers: { "Cache-Control": "no-store" } });
});
