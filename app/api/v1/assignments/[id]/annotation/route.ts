import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { MAX_SAVE_BYTES, saveAnnotationSchema } from "@/lib/annotations/schema";

export const dynamic = "force-dynamic";

const STATUS = { saved: 200, conflict: 409, invalid: 422, locked: 423, mismatch: 422 } as const;

/** Autosave and submit: the same lib function as every other write of an annotation. */
export const PUT = withApiAuth(
  "assignment:work",
  async (_req: NextRequest, actor, { id }: { id: string }, input) => {
    const result = await saveAnnotation(actor, id, input);
    return Response.json(result, { status: STATUS[result.status] });
  },
  { json: saveAnnotationSchema, maxBytes: MAX_SAVE_BYTES },
);
