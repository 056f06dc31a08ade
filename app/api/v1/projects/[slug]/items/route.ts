import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { listItemsPage } from "@/lib/items/list-items-page";

export const dynamic = "force-dynamic";

/** GET ?limit=&cursor=&kind=&include=content: the project's items by external id ({data, nextCursor}). */
export const GET = withApiAuth<{ slug: string }>("project:read", async (req: NextRequest, actor, { slug }) => {
  return Response.json(await listItemsPage(actor, slug, Object.fromEntries(req.nextUrl.searchParams)), { headers: { "Cache-Control": "no-store" } });
});
