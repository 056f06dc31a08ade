import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { findNextAssignmentId } from "@/lib/assignments/queue";

/** "Submit and next" lands here: the reviewer's next open item, or the queue when done. */
export default async function NextReview({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const actor = await requirePageActor("assignment:work");
  const { after } = await searchParams;
  const next = await findNextAssignmentId(actor, after);
  redirect(next ? `/review/${next}` : "/queue");
}
