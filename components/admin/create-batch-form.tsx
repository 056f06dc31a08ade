"use client";
import { useActionState } from "react";
import { createBatchAction } from "@/app/projects/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";

type Reviewer = { id: string; name: string; specialty: string | null };

export function CreateBatchForm({ slug, defaultPerItem, reviewers }: { slug: string; defaultPerItem: number; reviewers: Reviewer[] }) {
  const [state, action, pending] = useActionState(createBatchAction, null);
  return (
    <form action={action} className="mt-4 space-y-3 border-t border-slate-100 pt-4" aria-label="New batch">
      <h3 className="text-sm font-medium">New batch from all items not yet in a batch</h3>
      <input type="hidden" name="slug" value={slug} />
      <div className="flex flex-wrap gap-4">
        <div>
          <label className={labelClass} htmlFor="b-name">Batch name</label>
          <input className={inputClass} id="b-name" name="name" required />
          <FieldError state={state} name="name" />
        </div>
        <div className="w-32">
          <label className={labelClass} htmlFor="b-k">Reviewers per item</label>
          <input className={inputClass} id="b-k" name="perItem" type="number" min={1} max={50} defaultValue={defaultPerItem} />
        </div>
        <div>
          <label className={labelClass} htmlFor="b-due">Due (optional)</label>
          <input className={inputClass} id="b-due" name="dueAt" type="date" />
        </div>
      </div>
      <fieldset>
        <legend className={labelClass}>Reviewers</legend>
        {reviewers.length === 0 ? <p className="text-sm text-slate-600">No active reviewers. Create reviewer accounts first.</p> : null}
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {reviewers.map((r) => (
            <label key={r.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="reviewerIds[]" value={r.id} defaultChecked />
              {r.name}{r.specialty ? ` · ${r.specialty}` : ""}
            </label>
          ))}
        </div>
        <FieldError state={state} name="reviewerIds[]" />
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="goldToAllReviewers" defaultChecked /> Give gold items to every chosen reviewer (so accuracy is measured on the same set)
      </label>
      <FormStatus state={state} />
      <button className={buttonClass} disabled={pending}>{pending ? "Assigning…" : "Create and assign batch"}</button>
    </form>
  );
}
