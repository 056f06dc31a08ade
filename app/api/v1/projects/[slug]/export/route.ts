import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { textStream } from "@/lib/api/stream-response";
import { ForbiddenError } from "@/lib/auth/permissions";
import { exportQuerySchema } from "@/lib/export/schema";
import { runExport } from "@/lib/export/run-export";
import { findProjectForActor } from "@/lib/projects/access";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = { jsonl: "application/x-ndjson; charset=utf-8", csv: "text/csv; charset=utf-8" } as const;

export const GET = withApiAuth<{ slug: string }>("export:read", async (req: NextRequest, actor, { slug }) => {
  const query = exportQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  if (query.identifyReviewers && actor.role !== "ADMIN") throw new ForbiddenError("Only admins may export reviewer identities.");
  const project = await findProjectForActor(actor, slug);
  const chunks = runExport({
    actorId: actor.id,
    format: query.format,
    filter: { projectId: project.id, batchName: query.batch, identifyReviewers: query.identifyReviewers, includeContent: query.format === "jsonl" && query.content },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(textStream(chunks), {
    headers: {
      "Content-Type": CONTENT_TYPES[query.format],
      "Content-Disposition": `attachment; filename="${project.slug}-annotations-${stamp}.${query.format}"`,
      "Cache-Control": "no-store",
    },
  });
});
