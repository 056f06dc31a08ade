"use client";
import { useActionState } from "react";
import { addMemberAction } from "@/app/projects/actions";
import { FormStatus } from "@/components/ui/form-status";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";

export function AddMemberForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(addMemberAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input className={`${inputClass} max-w-56`} name="email" type="email" placeholder="email@example.org" aria-label="Member email" required />
      <select className={`${inputClass} max-w-36`} name="role" aria-label="Member role" defaultValue="RESEARCHER">
        <option value="RESEARCHER">Researcher</option>
        <option value="REVIEWER">Reviewer</option>
        <option value="OWNER">Owner</option>
      </select>
      <button className={secondaryButtonClass} disabled={pending}>Add member</button>
      <div className="w-full"><FormStatus state={state} /></div>
    </form>
  );
}
