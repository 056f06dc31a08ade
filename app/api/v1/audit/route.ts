import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { textStream } from "@/lib/api/stream-response";
import { auditCsv, listAuditEvents } from "@/lib/audit/list-audit";

export const dynamic = "force-dynamic";

/** GET ?format=json|csv&actor=&action=&entity=&project=&from=&to=&cursor=: the audit log, newest first. */
export const GET = withApiAuth("audit:read", async (req: NextRequest, actor) => {
  const { format, ...query } = Object.fromEntries(req.nextUrl.searchParams);
  if (format === "csv") {
    const chunks = auditCsv(actor, query);
    // The first chunk (the header) is taken before answering, so a bad filter is a 400, not a broken file.
    const first = await chunks.next();
    const body = (async function* () {
      if (!first.done) yield first.value;
      yield* chunks;
    })();
    return new Response(textStream(body), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="audit-log.csv"', "Cache-Control": "no-store" } });
  }
  if (format !== undefined && format !== "json") return Response.json({ error: "format must be json or csv." }, { status: 400 });
  const page = await listAuditEvents(actor, query);
  return Response.json({ data: page.events, nextCursor: page.nextCursor }, { headers: { "Cache-Control": "no-store" } });
});
