import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { chooseImportFormat } from "@/lib/import/import-format";
import { importItems } from "@/lib/import/import-items";
import { readImportRecords } from "@/lib/import/read-import-records";
import { findProjectForActor } from "@/lib/projects/access";
import { ARGUMENT_IMPORT_FORMATS, type ArgumentImportFormat } from "@/lib/tools/arguments/import-documents";
import { importArgumentArchive } from "@/lib/tools/arguments/import-route";
import { importProgressResponse } from "@/lib/api/import-progress-response";

export const dynamic = "force-dynamic";

/**
 * POST the file as the raw request body, JSONL or CSV: `?format=jsonl|csv`, else the X-File-Name's
 * extension, else the Content-Type (text/csv, application/x-ndjson), else JSONL
 * (lib/import/import-format.ts). A name or format that is not supported is a 415 before anything
 * is read. The answer is NDJSON: progress events while the file streams in
 * ({"type":"progress","lines":…,"bytes":…}), then one {"type":"result",…}.
 * Only these body types are read (415 otherwise): none of them is one a plain HTML form can send.
 * Argument corpora: `?format=brat|conll|casimedicos[&skipInvalid=true]` with a zip archive of the files
 * as the body (application/zip); the answer is one {"type":"result",…} line with `notes`.
 */
const IMPORT_TYPES = ["application/x-ndjson", "application/jsonl", "application/json", "text/csv", "application/zip"] as const;

export const POST = withApiAuth<{ slug: string }>("item:import", async (req: NextRequest, actor, { slug }) => {
  const project = await findProjectForActor(actor, slug, "item:import");
  if (!req.body) return Response.json({ error: "Send the JSONL or CSV file as the request body." }, { status: 400 });
  const fileName = req.headers.get("x-file-name") ?? undefined;
  const requested = req.nextUrl.searchParams.get("format")?.trim().toLowerCase();
  if ((ARGUMENT_IMPORT_FORMATS as readonly string[]).includes(requested ?? "")) {
    const skip = req.nextUrl.searchParams.get("skipInvalid");
    if (skip !== null && skip !== "true" && skip !== "false") return Response.json({ error: "skipInvalid must be true or false." }, { status: 400 });
    const result = await importArgumentArchive(req.body, { actorId: actor.id, projectId: project.id, format: requested as ArgumentImportFormat, skipInvalid: skip === "true", fileName });
    return new Response(JSON.stringify({ type: "result", ...result }) + "\n", { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const choice = chooseImportFormat({ format: req.nextUrl.searchParams.get("format"), fileName, contentType: req.headers.get("content-type") });
  if ("error" in choice) return Response.json({ error: `${choice.error} To read the body as one of them anyway, add ?format=jsonl or ?format=csv.` }, { status: 415 });
  const { records, bytesRead } = readImportRecords(choice.format, req.body);
  return importProgressResponse((onProgress) => importItems({ actorId: actor.id, projectId: project.id, records, bytesRead, fileName, onProgress }));
}, { accepts: IMPORT_TYPES });
