import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { listOwnRevisions } from "@/lib/annotations/list-revisions";

export const dynamic = "force-dynamic";

/** The caller's own revision history for an assignment (newest first, with what changed). */
export const GET = withApiAuth<{ id: string }>("assignment:work", async (_req: NextRequest, actor, { id }) => {
  return Response.json({ revisions: await listOwnRevisions(actor, id) });
});
