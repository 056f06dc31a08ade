import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { findProjectForActor } from "@/lib/projects/access";
import { rubricQuerySchema } from "@/lib/rubrics/rubric-document";
import { loadRubricDocument } from "@/lib/rubrics/rubric-versions";

export const dynamic = "force-dynamic";

/** The project's rubric (newest, or `?version=N`) as a shareable JSON document (README "Rubrics"). */
export const GET = withApiAuth<{ slug: string }>("project:read", async (req: NextRequest, actor, { slug }) => {
  const q = rubricQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const project = await findProjectForActor(actor, slug, "project:read");
  const { version, document } = await loadRubricDocument(actor, project.id, q.version);
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Rubric-Version": String(version) };
  if (q.download) headers["Content-Disposition"] = `attachment; filename="${project.slug}-rubric-v${version}.json"`;
  return new Response(`${JSON.stringify(document, null, 2)}\n`, { headers });
});
