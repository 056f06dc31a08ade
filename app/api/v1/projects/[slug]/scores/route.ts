import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { loadProjectQuality } from "@/lib/criteria/project-quality";
import { findProjectForActor } from "@/lib/projects/access";

export const dynamic = "force-dynamic";

/**
 * Case-criteria scores (HealthBench scoring) per model, axis tag and theme, per-item scores, and —
 * for admins — reviewer accuracy on gold items. Same function as the project's quality page.
 */
export const GET = withApiAuth<{ slug: string }>("project:read", async (_req: NextRequest, actor, { slug }) => {
  const project = await findProjectForActor(actor, slug);
  return Response.json(await loadProjectQuality(actor, project.id));
});
