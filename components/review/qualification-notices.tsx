"use client";
import { useActionState } from "react";
import { retryQualificationAction } from "@/app/projects/qualification-actions";
import { FormStatus } from "@/components/ui/form-status";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { QualificationNotice } from "@/lib/qualification/status";

/** On the queue: where the reviewer stands with each project's qualification round and gold watch. */
export function QualificationNotices({ notices }: { notices: QualificationNotice[] }) {
  if (!notices.length) return null;
  return (
    <section aria-label="Qualification" className="mb-6 space-y-2" data-testid="qualification-notices">
      {notices.map((n) => <Notice key={n.project.slug} notice={n} />)}
    </section>
  );
}

function Notice({ notice: n }: { notice: QualificationNotice }) {
  const [state, action, pending] = useActionState(retryQualificationAction, null);
  const round = n.round;
  const score = round?.lastPercent !== null && round?.lastPercent !== undefined ? `${Math.round(round.lastPercent)} %` : null;
  let text: string;
  if (n.paused) text = `Your work in ${n.project.name} is paused (${n.pauseReason}). The project's manager will decide how you continue; your drafts are kept.`;
  else if (n.qualified) text = `You passed the qualification round of ${n.project.name}.${n.warned ? " Your recent accuracy on check items is low: please re-read the guidelines." : ""}`;
  else if (!round) text = n.required ? `${n.project.name} asks you to pass a qualification round first; it has not been assigned to you yet.` : n.warned ? `Your recent accuracy on check items in ${n.project.name} is low: please re-read the guidelines.` : "";
  else if (round.open) text = `${n.project.name}: qualification round “${round.name}”, attempt ${round.attempt} of ${round.maxAttempts} — ${round.open} practice item(s) to go.`;
  else if (round.canRetry) text = `${n.project.name}: you scored ${score ?? "—"} on attempt ${round.attempt} of ${round.maxAttempts}, below the pass mark. You may try again.`;
  else text = `${n.project.name}: you scored ${score ?? "—"} and have used all ${round.maxAttempts} attempt(s). The project's manager can allow more.`;
  if (!text) return null;
  const tone = n.paused || (round && !round.open && !n.qualified) ? "border-amber-300 bg-amber-50 text-amber-900" : n.qualified ? "border-green-300 bg-green-50 text-green-900" : "border-sky-300 bg-sky-50 text-sky-900";
  return (
    <div className={`rounded-md border p-3 text-sm ${tone}`} data-testid="qualification-notice">
      <p>{text}</p>
      {round?.canRetry && !n.paused ? (
        <form action={action} className="mt-2">
          <input type="hidden" name="slug" value={n.project.slug} />
          <input type="hidden" name="batchId" value={round.batchId} />
          <button className={secondaryButtonClass} disabled={pending}>{pending ? "Starting…" : `Start attempt ${round.attempt + 1}`}</button>
        </form>
      ) : null}
      <FormStatus state={state} />
    </div>
  );
}
