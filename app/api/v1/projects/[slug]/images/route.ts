import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { ImageUploadError, storeProjectImage } from "@/lib/items/store-image";
import { findProjectForActor } from "@/lib/projects/access";

export const dynamic = "force-dynamic";

/**
 * POST one image file as the raw request body, named by the X-File-Name header. It is stored as
 * "<slug>/<name>" under the image directory; vqa items reference that `src`. 201 {src, bytes};
 * 400 for a refused name, type or size; 409 when a different file already has that name.
 * The body must be sent as an image type or application/octet-stream (415 otherwise).
 */
const UPLOAD_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "audio/mpeg", "audio/wav", "audio/x-wav", "audio/ogg", "audio/mp4", "application/octet-stream"] as const;

export const POST = withApiAuth<{ slug: string }>("item:import", async (req: NextRequest, actor, { slug }) => {
  const project = await findProjectForActor(actor, slug, "item:import");
  const fileName = req.headers.get("x-file-name");
  if (!fileName) return Response.json({ error: "Name the file in the X-File-Name header." }, { status: 400 });
  if (!req.body) return Response.json({ error: "Send the image file as the request body." }, { status: 400 });
  try {
    // Header values must be ASCII, so clients percent-encode the name (the UI does); plain names pass.
    const stored = await storeProjectImage({ actorId: actor.id, project, fileName: decodeName(fileName), body: req.body });
    return Response.json(stored, { status: 201 });
  } catch (error) {
    if (error instanceof ImageUploadError) return Response.json({ error: error.message }, { status: 400 });
    throw error; // withApiAuth maps the rest (409 conflict, 500)
  }
}, { accepts: UPLOAD_TYPES });

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
