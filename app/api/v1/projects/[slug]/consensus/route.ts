import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { consensusQuerySchema, loadConsensusRecords } from "@/lib/adjudication/consensus-records";

export const dynamic = "force-dynamic";

/** The project's consensus records as JSONL (decided ones; `?drafts=true` adds drafts). README "Adjudication". */
export const GET = withApiAuth<{ slug: string }>("export:read", async (req: NextRequest, actor, { slug }) => {
  const q = consensusQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const records = await loadConsensusRecords(actor, slug, { drafts: q.drafts === "true" });
  const body = records.map((r) => JSON.stringify(r)).join("\n");
  return new Response(body ? `${body}\n` : "", { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Content-Disposition": `attachment; filename="${slug}-consensus.jsonl"`, "Cache-Control": "no-store" } });
});
