import type { NextRequest } from "next/server";
import { withApiAuth } from "@/lib/api/with-api-auth";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { skipAssignmentSchema } from "@/lib/annotations/schema";

export const dynamic = "force-dynamic";

/** Skip with a reason: 200 skipped, 423 when the item is already submitted or skipped. */
export const POST = withApiAuth(
  "assignment:work",
  async (_req: NextRequest, actor, { id }: { id: string }, input) => {
    const result = await skipAssignment(actor, id, input);
    // A refusal in the API's error shape, beside the status the review page reads.
    return result.status === "skipped" ? Response.json(result) : Response.json({ error: result.message, ...result }, { status: 423 });
  },
  { json: skipAssignmentSchema, maxBytes: 64 * 1024 },
);
