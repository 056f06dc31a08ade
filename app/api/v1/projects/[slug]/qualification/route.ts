import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { jsonlAttachment } from "@/lib/api/jsonl-attachment";
import { loadQualificationRecords, qualificationQuerySchema } from "@/lib/qualification/outcome-records";

export const dynamic = "force-dynamic";

/** Qualification outcomes per reviewer as JSONL (attempts and scores, pass, gold-watch pauses). README "Qualification". */
export const GET = withApiAuth<{ slug: string }>("export:read", async (req: NextRequest, actor, { slug }) => {
  const q = qualificationQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return jsonlAttachment(await loadQualificationRecords(actor, slug, { identify: q.identify === "true" }), `${slug}-qualification.jsonl`);
});
