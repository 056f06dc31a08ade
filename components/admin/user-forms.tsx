"use client";
import { useActionState } from "react";
import { createUserAction, setUserActiveAction } from "@/app/admin/users/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form action={action} className="space-y-3" key={state?.ok ? state.data.id : "new"}>
      <div>
        <label className={labelClass} htmlFor="u-name">Name</label>
        <input className={inputClass} id="u-name" name="name" required />
        <FieldError state={state} name="name" />
      </div>
      <div>
        <label className={labelClass} htmlFor="u-email">Email</label>
        <input className={inputClass} id="u-email" name="email" type="email" required />
        <FieldError state={state} name="email" />
      </div>
      <div>
        <label className={labelClass} htmlFor="u-role">Role</label>
        <select className={inputClass} id="u-role" name="role" defaultValue="REVIEWER">
          <option value="REVIEWER">Reviewer (physician)</option>
          <option value="RESEARCHER">Researcher</option>
          <option value="ADMIN">Admin</option>
        </select>
      </div>
      <div>
        <label className={labelClass} htmlFor="u-specialty">Specialty (optional)</label>
        <input className={inputClass} id="u-specialty" name="specialty" />
      </div>
      <div>
        <label className={labelClass} htmlFor="u-password">Initial password</label>
        <input className={inputClass} id="u-password" name="password" type="password" minLength={10} required />
        <FieldError state={state} name="password" />
      </div>
      <FormStatus state={state} />
      <button className={buttonClass} disabled={pending}>{pending ? "Creating…" : "Create user"}</button>
    </form>
  );
}

export function UserActiveToggle({ userId, isActive }: { userId: string; isActive: boolean }) {
  const [state, action, pending] = useActionState(setUserActiveAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="isActive" value={String(!isActive)} />
      <button className={secondaryButtonClass} disabled={pending}>{isActive ? "Deactivate" : "Reactivate"}</button>
      {state && !state.ok ? <span className="ml-2 text-xs text-red-700">{state.error}</span> : null}
    </form>
  );
}
