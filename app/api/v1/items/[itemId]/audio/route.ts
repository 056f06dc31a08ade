import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { audioResponse, loadItemAudioForActor } from "@/lib/items/audio-access";

export const dynamic = "force-dynamic";

/** The recording of a qa or dialogue item, whole or by byte range (seeking); access follows item visibility. */
export const GET = withApiAuth<{ itemId: string }>("image:read", async (req: NextRequest, actor, params) => {
  return audioResponse(await loadItemAudioForActor(actor, params.itemId), req.headers.get("range"));
});
