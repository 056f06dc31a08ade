"use client";
import { useActionState } from "react";
import { updateQualificationAction } from "@/app/projects/qualification-actions";
import { FormStatus } from "@/components/ui/form-status";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import type { QualificationPolicy } from "@/lib/qualification/policy";

/**
 * The project's qualification policy (decision 026). The round itself is a batch built in the
 * new-batch form ("Qualification round"); this sets whether it must be passed, how, and the gold watch.
 */
export function QualificationForm({ slug, required, policy }: { slug: string; required: boolean; policy: QualificationPolicy }) {
  const [state, action, pending] = useActionState(updateQualificationAction, null);
  return (
    <form action={action} className="space-y-2 text-sm" aria-label="Qualification">
      <fieldset className="space-y-2">
        <legend className="font-medium">Qualification and gold watch</legend>
        <input type="hidden" name="slug" value={slug} />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="required" defaultChecked={required} /> Reviewers must pass the qualification round before real batches open to them
        </label>
        <p className="flex flex-wrap items-center gap-2">
          Pass mark <input className={`${inputClass} w-20`} name="passPercent" type="number" min={1} max={100} defaultValue={policy.passPercent} aria-label="Pass mark (percent of known answers)" /> % of the known answers,
          <select className={`${inputClass} w-auto`} name="rule" defaultValue={policy.rule} aria-label="Pass rule">
            <option value="overall">over the whole round</option>
            <option value="every_axis">on every axis</option>
          </select>
          ; attempts allowed <input className={`${inputClass} w-16`} name="maxAttempts" type="number" min={1} max={10} defaultValue={policy.maxAttempts} aria-label="Attempts allowed" />
        </p>
        <p className="flex flex-wrap items-center gap-2">
          Pause a reviewer whose accuracy on gold items in real batches falls below <input className={`${inputClass} w-20`} name="pauseBelowPercent" type="number" min={1} max={100} defaultValue={policy.pauseBelowPercent ?? ""} placeholder="never" aria-label="Pause mark (percent)" /> %
          after <input className={`${inputClass} w-16`} name="minGoldItems" type="number" min={2} max={1000} defaultValue={policy.minGoldItems} aria-label="Gold items before pausing" /> gold items (warned at half as many).
        </p>
        <p className={labelClass}>Practice items are gold items with known answers; after each submit the reviewer sees the known answer and its explanation. A paused reviewer keeps their drafts; resume them from the member list.</p>
      </fieldset>
      <button className={secondaryButtonClass} disabled={pending}>{pending ? "Saving…" : "Save qualification"}</button>
      <FormStatus state={state} />
    </form>
  );
}
