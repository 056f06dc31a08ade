import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { saveAnnotation, type SaveResult } from "@/lib/annotations/save-annotation";
import { MAX_SAVE_BYTES, saveAnnotationSchema } from "@/lib/annotations/schema";

export const dynamic = "force-dynamic";

const STATUS = { saved: 200, conflict: 409, invalid: 422, locked: 423, mismatch: 422 } as const;

/** Refusals in the API's error shape {error, issues?}, beside the fields the review page's saver reads. */
function body(result: SaveResult) {
  switch (result.status) {
    case "saved":
      return result;
    case "conflict":
      return { error: `This annotation was saved elsewhere in the meantime (it is now at version ${result.serverVersion}); nothing was saved. Continue from the server's version.`, ...result };
    case "invalid":
      return { error: "Some answers are missing or not valid; nothing was saved.", issues: result.problems, ...result };
    default:
      return { error: result.message, ...result };
  }
}

/** Autosave and submit: the same lib function as every other write of an annotation. */
export const PUT = withApiAuth(
  "assignment:work",
  async (_req: NextRequest, actor, { id }: { id: string }, input) => {
    const result = await saveAnnotation(actor, id, input);
    return Response.json(body(result), { status: STATUS[result.status] });
  },
  { json: saveAnnotationSchema, maxBytes: MAX_SAVE_BYTES },
);
