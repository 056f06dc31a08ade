import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { imageResponse } from "@/lib/api/image-response";
import { loadImageForActor } from "@/lib/items/image-access";

export const dynamic = "force-dynamic";

/** Images of vqa items stored under the image directory, by path (admins and researchers); access follows item visibility. */
export const GET = withApiAuth<{ path: string[] }>("image:read", async (_req: NextRequest, actor, params) => {
  const { body, contentType } = await loadImageForActor(actor, params.path.join("/"));
  return imageResponse(body, contentType);
});
