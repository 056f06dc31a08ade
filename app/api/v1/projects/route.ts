import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { listProjectsPage } from "@/lib/projects/list-projects-page";

export const dynamic = "force-dynamic";

/** GET ?limit=&cursor=: the projects the caller may see, by slug, a page at a time ({data, nextCursor}). */
export const GET = withApiAuth("project:read", async (req: NextRequest, actor) => {
  return Response.json(await listProjectsPage(actor, Object.fromEntries(req.nextUrl.searchParams)), { headers: { "Cache-Control": "no-store" } });
});
