"use client";
import { useActionState } from "react";
import { deleteBatchAction, moveReviewerWorkAction, setBatchDueDateAction } from "@/app/projects/actions";
import { FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

type Person = { id: string; name: string };

/**
 * A batch's admin controls (issue 10, "Change after the fact"): due date, moving one reviewer's
 * pending work to others, deleting a batch nobody finished anything in. Each says what it will and
 * will not touch; the server enforces it (lib/assignments/batch-changes.ts).
 */
export function BatchAdmin(props: { slug: string; batchId: string; dueAt: string | null; reviewers: Array<Person & { pending: number; inProgress: number }>; candidates: Person[]; finished: number; drafts: number }) {
  const { slug, batchId } = props;
  const [dueState, dueAction, duePending] = useActionState(setBatchDueDateAction, null);
  const [moveState, moveAction, movePending] = useActionState(moveReviewerWorkAction, null);
  const [deleteState, deleteAction, deletePending] = useActionState(deleteBatchAction, null);
  const movable = props.reviewers.filter((r) => r.pending > 0);
  return (
    <div className="grid gap-4 md:grid-cols-3" data-testid="batch-admin">
      <form action={dueAction} className="space-y-2" aria-label="Change the due date">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="batchId" value={batchId} />
        <label className={labelClass} htmlFor="due">Due date</label>
        <input className={inputClass} id="due" name="dueAt" type="date" defaultValue={props.dueAt ?? ""} />
        <p className="text-xs text-slate-600">Reviewers see it in their queue. Leave empty for none.</p>
        <FormStatus state={dueState} />
        <button className={secondaryButtonClass} disabled={duePending}>Save due date</button>
      </form>

      <form action={moveAction} className="space-y-2" aria-label="Move pending work">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="batchId" value={batchId} />
        <label className={labelClass} htmlFor="move-from">Move pending work of</label>
        <select className={inputClass} id="move-from" name="reviewerId" disabled={!movable.length}>
          {movable.map((r) => (
            <option key={r.id} value={r.id}>{r.name} ({r.pending} pending{r.inProgress ? `, ${r.inProgress} started` : ""})</option>
          ))}
        </select>
        <label className={labelClass} htmlFor="move-to">To</label>
        <select className={inputClass} id="move-to" name="toReviewerIds[]" multiple size={Math.min(5, props.candidates.length + 1)}>
          {props.candidates.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <p className="text-xs text-slate-600">
          None chosen: the batch’s other reviewers, least loaded first. Only items nobody has started move; submitted, skipped and
          started items (with their drafts) stay with the reviewer.
        </p>
        <FormStatus state={moveState} />
        <button className={secondaryButtonClass} disabled={movePending || !movable.length}>Move pending work</button>
      </form>

      <form action={deleteAction} className="space-y-2" aria-label="Delete batch">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="batchId" value={batchId} />
        <input type="hidden" name="drafts" value={props.drafts} />
        <p className={labelClass}>Delete batch</p>
        {props.finished ? (
          <p className="text-xs text-slate-600" data-testid="delete-refused">
            {props.finished} assignment(s) are submitted or skipped: a batch with finished work is part of the study and cannot be deleted.
            Move pending work instead.
          </p>
        ) : (
          <p className="text-xs text-slate-600">
            Its items go back to “not yet in a batch”.{" "}
            {props.drafts ? <strong>{props.drafts} started draft(s) will be discarded.</strong> : "Nobody has started any item."}
          </p>
        )}
        {props.finished ? null : (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirm" required data-testid="confirm-delete" /> Yes, delete this batch
          </label>
        )}
        <FormStatus state={deleteState} />
        <button className={buttonClass} disabled={deletePending || props.finished > 0} data-testid="delete-batch">Delete batch</button>
      </form>
    </div>
  );
}
