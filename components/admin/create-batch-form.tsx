"use client";
import { startTransition, useActionState, useRef, useState } from "react";
import { createBatchAction, previewBatchAction } from "@/app/projects/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

type Reviewer = { id: string; name: string; specialty: string | null };

/**
 * New batch from the items not yet in a batch. The reviewer list starts with the project's own
 * reviewers (ticked); other active reviewers of the site are listed apart, unticked, and become
 * project members only if chosen. "Preview load" shows each reviewer's share before anything is
 * written; creating right after a preview writes exactly that plan (its seed travels with the form).
 * Any change to the form drops the preview, so what was shown is never stale.
 */
export function CreateBatchForm({ slug, defaultPerItem, members, others }: { slug: string; defaultPerItem: number; members: Reviewer[]; others: Reviewer[] }) {
  const [state, action, pending] = useActionState(createBatchAction, null);
  const [preview, previewAction, previewing] = useActionState(previewBatchAction, null);
  const form = useRef<HTMLFormElement>(null);
  // Not a form action: React resets a form after its action, which would empty what was previewed.
  const runPreview = () => {
    if (!form.current?.reportValidity()) return;
    const data = new FormData(form.current);
    startTransition(() => previewAction(data));
  };
  const [previewShown, setPreviewShown] = useState<typeof preview>(null);
  const [from, setFrom] = useState("unbatched");
  // React resets the form after a batch is created; the item choice shown must follow it.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok) setFrom("unbatched");
  }
  if (preview !== null && preview !== previewShown && !previewing) setPreviewShown(preview);
  const plan = previewShown?.ok ? previewShown.data : null;
  const reviewerBox = (r: Reviewer, checked: boolean) => (
    <label key={r.id} className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="reviewerIds[]" value={r.id} defaultChecked={checked} />
      {r.name}
      {r.specialty ? ` · ${r.specialty}` : ""}
    </label>
  );
  return (
    <form ref={form} action={action} onChange={() => setPreviewShown(null)} className="mt-4 space-y-3 border-t border-slate-100 pt-4" aria-label="New batch">
      <h3 className="text-sm font-medium">New batch</h3>
      <input type="hidden" name="slug" value={slug} />
      {plan ? <input type="hidden" name="seed" value={plan.seed} /> : null}
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
        <div className="w-48">
          <label className={labelClass} htmlFor="b-shown">Responses shown (optional)</label>
          <input className={inputClass} id="b-shown" name="responsesShown" type="number" min={2} max={8} placeholder="all" aria-describedby="b-shown-help" />
          <span id="b-shown-help" className="text-xs text-slate-500">A balanced subset per reviewer, e.g. 2 to compare pairs of many models</span>
          <FieldError state={state} name="responsesShown" />
        </div>
        <div>
          <label className={labelClass} htmlFor="b-due">Due (optional)</label>
          <input className={inputClass} id="b-due" name="dueAt" type="date" />
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className={labelClass}>Items</legend>
        <select className={inputClass} name="from" defaultValue="unbatched" aria-label="Which items" onChange={(e) => setFrom(e.target.value)}>
          <option value="unbatched">Not yet in a batch</option>
          <option value="under_reviewed">Not yet fully reviewed (fewer submitted reviews than reviewers per item: a second round)</option>
          <option value="disagreement">Reviewers disagreed and no consensus is decided yet (a second round over the disputed items)</option>
          <option value="all">All items</option>
          <option value="list">These external ids…</option>
        </select>
        {from === "list" ? (
          <div>
            <label className={labelClass} htmlFor="b-ids">External ids, one per line</label>
            <textarea className={`${inputClass} font-mono`} id="b-ids" name="externalIds" rows={4} />
          </div>
        ) : (
          <div className="flex flex-wrap gap-3">
            <div>
              <label className={labelClass} htmlFor="b-kind">Kind</label>
              <select className={inputClass} id="b-kind" name="kind" defaultValue="">
                <option value="">Any</option>
                {["qa", "mcq", "dialogue", "vqa", "note", "ddx"].map((k) => <option key={k} value={k}>{k}</option>)}
              </select>
            </div>
            <div>
              <label className={labelClass} htmlFor="b-specialty">Specialty</label>
              <input className={inputClass} id="b-specialty" name="specialty" placeholder="any" />
            </div>
            <div>
              <label className={labelClass} htmlFor="b-language">Language</label>
              <input className={`${inputClass} w-24`} id="b-language" name="language" placeholder="any" />
            </div>
            <div>
              <label className={labelClass} htmlFor="b-metadata">Metadata field</label>
              <input className={`${inputClass} w-48`} id="b-metadata" name="metadata" placeholder="key=value, e.g. site=Boston" />
            </div>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend className={labelClass}>Reviewers of this project</legend>
        {members.length === 0 ? <p className="text-sm text-slate-600" data-testid="no-project-reviewers">No reviewers in this project yet: add members above, or choose from the other reviewers below.</p> : null}
        <div className="mt-1 grid gap-1 sm:grid-cols-2" data-testid="project-reviewers">{members.map((r) => reviewerBox(r, true))}</div>
        <FieldError state={state} name="reviewerIds[]" />
      </fieldset>
      {others.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">Other reviewers on this site ({others.length}): choosing one adds them to the project</summary>
          <div className="mt-1 grid gap-1 sm:grid-cols-2" data-testid="other-reviewers">{others.map((r) => reviewerBox(r, false))}</div>
        </details>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">Or assign a fixed list instead of planning (a CSV of item and reviewer)</summary>
        <label className={`${labelClass} mt-1`} htmlFor="b-list">One assignment per line: external_id,reviewer (email); a header line external_id,reviewer is optional. The items and reviewer choices above are then ignored.</label>
        <textarea className={`${inputClass} font-mono`} id="b-list" name="assignmentList" rows={4} placeholder={"external_id,reviewer\nq-1,dr.osei@example.org"} />
      </details>
      <fieldset className="space-y-1 text-sm">
        <legend className={labelClass}>Strategy</legend>
        <label className="flex items-center gap-2"><input type="checkbox" name="matchSpecialty" /> Match specialty: an item with a specialty goes only to reviewers who list it (items nobody can cover are left out and named)</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="isQualification" /> Qualification round: every gold item (or the chosen ones, all gold) to every chosen reviewer as practice, with the known answer shown after each submit</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="showsEarlierRound" /> Delphi round: reviewers see the group&apos;s earlier answers to each item (counted, anonymized) before they rate it again</label>
        <label className="flex flex-wrap items-center gap-2">At most <input className={`${inputClass} w-24`} name="quota" type="number" min={1} placeholder="no limit" aria-label="Quota per reviewer" /> items per reviewer in this batch</label>
      </fieldset>
      <fieldset className="space-y-1 text-sm">
        <legend className={labelClass}>Repeat ratings (intra-rater reliability)</legend>
        <p className="flex flex-wrap items-center gap-2">
          Show <input className={`${inputClass} w-20`} name="repeatPercent" type="number" min={0} max={50} defaultValue={0} aria-label="Repeat share (percent of each reviewer's items)" /> % of each
          reviewer&apos;s items to them again, unmarked, at least <input className={`${inputClass} w-20`} name="washoutItems" type="number" min={0} defaultValue={10} aria-label="Washout in items" /> items
          later and <input className={`${inputClass} w-20`} name="washoutDays" type="number" min={0} max={365} defaultValue={0} aria-label="Washout in days" /> day(s) after this batch (in a batch of their own named “… (2)”).
        </p>
      </fieldset>
      <fieldset className="space-y-1 text-sm">
        <legend className={labelClass}>Study arms (with and without assistance)</legend>
        <label className="flex flex-wrap items-center gap-2">
          Design
          <select className={`${inputClass} w-auto`} name="armDesign" defaultValue="none" aria-label="Arm design">
            <option value="none">None: one rating per item and reviewer</option>
            <option value="sequential">Unassisted, then assisted: each reviewer rates each item twice, in that order</option>
            <option value="crossover">Crossover: half of each reviewer&apos;s items assisted first, the other arm after a washout</option>
          </select>
        </label>
        <label className="flex flex-wrap items-center gap-2">
          The assisted arm shows
          <select className={`${inputClass} w-auto`} name="assistMaterial" defaultValue="reference" aria-label="Assistance material">
            <option value="reference">the item&apos;s reference answer and explanation</option>
            {["A", "B", "C", "D"].map((l) => <option key={l} value={`response:${l}`}>response {l} as imported (not rated itself)</option>)}
          </select>
          titled <input className={`${inputClass} w-48`} name="assistTitle" placeholder="e.g. AI suggestion" aria-label="Assistance title (as reviewers see it)" />
        </label>
        <label className="flex flex-wrap items-center gap-2">Crossover washout: period 2 opens <input className={`${inputClass} w-20`} name="armWashoutDays" type="number" min={0} max={365} defaultValue={14} aria-label="Washout between periods (days)" /> day(s) after this batch</label>
        <p className="text-xs text-slate-600">The second phase is a batch of its own; each of its items opens only once the same reviewer submitted the first phase. Exports record the arm and phase of every rating.</p>
      </fieldset>
      <fieldset className="space-y-1 text-sm">
        <legend className={labelClass}>Gold items</legend>
        <label className="flex items-center gap-2"><input type="radio" name="gold" value="all" defaultChecked /> Give every gold item to every chosen reviewer (accuracy on the same set)</label>
        <label className="flex flex-wrap items-center gap-2"><input type="radio" name="gold" value="rate" /> Mix gold into each queue at <input className={`${inputClass} w-20`} name="goldRatePercent" type="number" min={1} max={89} defaultValue={10} aria-label="Gold rate (percent of each queue)" /> %</label>
        <label className="flex items-center gap-2"><input type="radio" name="gold" value="planned" /> Plan gold like any other item (k reviewers each)</label>
      </fieldset>
      {plan?.uncovered.count ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="preview-uncovered" role="status">
          {plan.uncovered.count} item(s) cannot get {plan.perItem} reviewer(s) of their specialty and are left out (they stay unbatched):{" "}
          {plan.uncovered.examples.map((u) => `${u.externalId} (${u.specialty ?? "no specialty"}: ${u.eligible} eligible)`).join(", ")}
          {plan.uncovered.count > plan.uncovered.examples.length ? ", …" : ""}
        </div>
      ) : null}
      {plan ? (
        <div className="overflow-x-auto" tabIndex={0} data-testid="batch-preview">
          <p className="text-sm text-slate-700">
            Plan: {plan.items} item(s){plan.goldItems ? `, ${plan.goldItems} gold` : ""}, {plan.perItem} reviewer(s) per item, {plan.assignments} assignments. Nothing is written until you create the batch.
          </p>
          {plan.arms ? <p className="text-sm text-slate-700" data-testid="preview-arms">Study arms ({plan.arms.design}): each rating again in the other arm, {plan.arms.assignments} assignments in batch “{plan.arms.secondPhase}”.</p> : null}
          <table className="mt-1 text-start text-sm [&_td]:pe-4 [&_th]:pe-4">
            <thead className="text-slate-500"><tr><th>Reviewer</th><th>In this batch</th><th>Gold</th><th>Repeats</th><th>Open work in the project</th></tr></thead>
            <tbody>
              {plan.loads.map((l) => (
                <tr key={l.reviewerId} data-testid="preview-load">
                  <td>{l.name}{l.isMember ? "" : " (joins the project)"}</td>
                  <td data-col="assignments">{l.assignments}</td>
                  <td>{l.gold}</td>
                  <td data-col="repeats">{l.repeats}{l.repeatsShort ? ` (${l.repeatsShort} fewer: too few items before the washout)` : ""}</td>
                  <td>{l.openElsewhere}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {previewShown && !previewShown.ok ? <FormStatus state={previewShown} /> : null}
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={runPreview} disabled={previewing} data-testid="preview-batch">{previewing ? "Planning…" : "Preview load"}</button>
        <button className={buttonClass} disabled={pending}>{pending ? "Assigning…" : "Create and assign batch"}</button>
      </div>
    </form>
  );
}
