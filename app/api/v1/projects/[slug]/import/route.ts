import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { chooseImportFormat } from "@/lib/import/import-format";
import { importItems } from "@/lib/import/import-items";
import { readImportRecords } from "@/lib/import/read-import-records";
import { findProjectForActor } from "@/lib/projects/access";
import { ARGUMENT_IMPORT_FORMATS, type ArgumentImportFormat } from "@/lib/tools/arguments/import-documents";
import { importArgumentArchive } from "@/lib/tools/arguments/import-route";

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
  const project = await findProjectForActor(actor, slug);
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
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: object) => controller.enqueue(encoder.encode(JSON.stringify(event) + "\n"));
      try {
        const result = await importItems({ actorId: actor.id, projectId: project.id, records, bytesRead, fileName, onProgress: (p) => send({ type: "progress", ...p }) });
        send({ type: "result", ...result });
      } catch (error) {
        console.error(error);
        send({ type: "result", ok: false, errors: [{ line: 0, field: "(server)", message: "The import failed on the server; nothing was imported." }], errorCount: 1, lines: 0 });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}, { accepts: IMPORT_TYPES });
