import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { loadQualificationRecords, qualificationQuerySchema } from "@/lib/qualification/outcome-records";

export const dynamic = "force-dynamic";

/** Qualification outcomes per reviewer as JSONL (attempts and scores, pass, gold-watch pauses). README "Qualification". */
export const GET = withApiAuth<{ slug: string }>("export:read", async (req: NextRequest, actor, { slug }) => {
  const q = qualificationQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const records = await loadQualificationRecords(actor, slug, { identify: q.identify === "true" });
  const body = records.map((r) => JSON.stringify(r)).join("\n");
  return new Response(body ? `${body}\n` : "", { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Content-Disposition": `attachment; filename="${slug}-qualification.jsonl"`, "Cache-Control": "no-store" } });
});
