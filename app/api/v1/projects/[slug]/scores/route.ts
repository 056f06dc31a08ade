import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { loadProjectQuality } from "@/lib/criteria/project-quality";
import { resolveScoresQuery } from "@/lib/criteria/scores-query";

export const dynamic = "force-dynamic";

/**
 * Case-criteria scores (HealthBench scoring) per model, axis tag and theme, per-item scores, and —
 * for admins — reviewer accuracy on gold items. Same function as the project's quality page.
 * `?batch=NAME` limits criteria and gold figures to one batch (unknown batch: 404).
 */
export const GET = withApiAuth<{ slug: string }>("project:read", async (req: NextRequest, actor, { slug }) => {
  const { project, opts } = await resolveScoresQuery(actor, slug, Object.fromEntries(req.nextUrl.searchParams));
  return Response.json(await loadProjectQuality(actor, project.id, opts));
});
