import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { readJsonBody } from "@/lib/api/read-json-body";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { MAX_SAVE_BYTES, saveAnnotationSchema } from "@/lib/annotations/schema";

export const dynamic = "force-dynamic";

const STATUS = { saved: 200, conflict: 409, invalid: 422, locked: 423, mismatch: 422 } as const;

/** Autosave and submit: the same lib function as every other write of an annotation. */
export const PUT = withApiAuth<{ id: string }>("assignment:work", async (req: NextRequest, actor, { id }) => {
  const input = saveAnnotationSchema.parse(await readJsonBody(req, MAX_SAVE_BYTES));
  const result = await saveAnnotation(actor, id, input);
  return Response.json(result, { status: STATUS[result.status] });
});
