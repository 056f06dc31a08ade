import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { imageResponse } from "@/lib/api/image-response";
import { NotFoundError } from "@/lib/auth/permissions";
import { loadItemImageForActor } from "@/lib/items/image-access";

export const dynamic = "force-dynamic";

/** The n-th image of a vqa item (the review page's URLs carry no file names); access follows item visibility. */
export const GET = withApiAuth<{ itemId: string; index: string }>("image:read", async (_req: NextRequest, actor, params) => {
  if (!/^\d{1,3}$/.test(params.index)) throw new NotFoundError("Image not found.");
  const { body, contentType } = await loadItemImageForActor(actor, params.itemId, Number(params.index));
  return imageResponse(body, contentType);
});
