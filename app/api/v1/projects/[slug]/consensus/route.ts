import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { jsonlAttachment } from "@/lib/api/jsonl-attachment";
import { consensusQuerySchema, loadConsensusRecords } from "@/lib/adjudication/consensus-records";

export const dynamic = "force-dynamic";

/** The project's consensus records as JSONL (decided ones; `?drafts=true` adds drafts). README "Adjudication". */
export const GET = withApiAuth<{ slug: string }>("export:read", async (req: NextRequest, actor, { slug }) => {
  const q = consensusQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return jsonlAttachment(await loadConsensusRecords(actor, slug, { drafts: q.drafts === "true" }), `${slug}-consensus.jsonl`);
});
