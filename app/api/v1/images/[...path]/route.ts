import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { loadImageForActor } from "@/lib/items/image-access";

export const dynamic = "force-dynamic";

/** Images of vqa items stored under the image directory; access follows item visibility. */
export const GET = withApiAuth<{ path: string[] }>("image:read", async (_req: NextRequest, actor, params) => {
  const { body, contentType } = await loadImageForActor(actor, params.path.join("/"));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      // Private: the response depends on who asks. SVG could carry script: force a sandbox.
      "Cache-Control": "private, max-age=3600",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
