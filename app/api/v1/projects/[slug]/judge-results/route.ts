import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { importJudgeResults } from "@/lib/judges/import-judge-results";
import { jsonlItemRecords } from "@/lib/import/read-jsonl-items";
import { findProjectForActor } from "@/lib/projects/access";
import { importProgressResponse } from "@/lib/api/import-progress-response";

export const dynamic = "force-dynamic";

/**
 * Import an automated judge's results (JSONL, one value per line; README "Judge results"), all or
 * nothing: POST the file as the raw body; `?replace=true` replaces values an earlier import stored
 * for the same judge, response and target (otherwise they are conflicts). Admins only; a token needs
 * the `item:import` scope. The answer is NDJSON: progress events ({"type":"progress","lines":…}),
 * then one {"type":"result",…}.
 */
const TYPES = ["application/x-ndjson", "application/jsonl", "application/json"] as const;

export const POST = withApiAuth<{ slug: string }>("item:import", async (req: NextRequest, actor, { slug }) => {
  const project = await findProjectForActor(actor, slug, "item:import");
  const replace = req.nextUrl.searchParams.get("replace");
  if (replace !== null && replace !== "true" && replace !== "false") return Response.json({ error: "replace must be true or false." }, { status: 400 });
  const unknown = [...req.nextUrl.searchParams.keys()].filter((k) => k !== "replace");
  if (unknown.length) return Response.json({ error: `Unknown parameter ${unknown.map((k) => `"${k}"`).join(", ")}: use replace.` }, { status: 400 });
  if (!req.body) return Response.json({ error: "Send the JSONL file as the request body." }, { status: 400 });
  const records = jsonlItemRecords(req.body);
  const fileName = req.headers.get("x-file-name") ?? undefined;
  return importProgressResponse((onProgress) => importJudgeResults({ actorId: actor.id, projectId: project.id, records, replace: replace === "true", fileName, onProgress }));
}, { accepts: TYPES });
