"use client";
import { useActionState } from "react";
import { clearLockoutAction, createUserAction, inviteUserAction, updateUserProfileAction, issueResetLinkAction, setUserActiveAction } from "@/app/admin/users/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/auth/action";
import { keepValuesOnError } from "@/components/ui/keep-values";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schema";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form onSubmit={keepValuesOnError(action)} className="space-y-3" key={state?.ok ? state.data.id : "new"} aria-label="New user with a password">
      <AccountFields prefix="u" state={state} />
      <div>
        <label className={labelClass} htmlFor="u-password">Initial password</label>
        <input className={inputClass} id="u-password" name="password" type="password" minLength={PASSWORD_MIN_LENGTH} required />
        <p className="mt-1 text-xs text-slate-500">At least {PASSWORD_MIN_LENGTH} characters, not a common password. They can change it on their account page.</p>
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
      {state && !state.ok ? <span className="ms-2 text-xs text-red-700">{state.error}</span> : null}
    </form>
  );
}

/** One-time reset link for the admin to hand over (there is no mail server). */
/** Who the new account is for: name, e-mail, role and profile (the same in both ways of making one). */
function AccountFields({ prefix, state }: { prefix: string; state: ActionResult<unknown> | null }) {
  return (
    <>
      <div>
        <label className={labelClass} htmlFor={`${prefix}-name`}>Name</label>
        <input className={inputClass} id={`${prefix}-name`} name="name" required />
        <FieldError state={state} name="name" />
      </div>
      <div>
        <label className={labelClass} htmlFor={`${prefix}-email`}>Email</label>
        <input className={inputClass} id={`${prefix}-email`} name="email" type="email" required />
        <FieldError state={state} name="email" />
      </div>
      <div>
        <label className={labelClass} htmlFor={`${prefix}-role`}>Role</label>
        <select className={inputClass} id={`${prefix}-role`} name="role" defaultValue="REVIEWER">
          <option value="REVIEWER">Reviewer (physician)</option>
          <option value="RESEARCHER">Researcher</option>
          <option value="ADMIN">Admin</option>
        </select>
      </div>
      <div>
        <label className={labelClass} htmlFor={`${prefix}-specialty`}>Specialty (optional)</label>
        <input className={inputClass} id={`${prefix}-specialty`} name="specialty" />
      </div>
      <ProfileFields prefix={prefix} state={state} />
    </>
  );
}

/** Languages and years of experience (the specialty has its own field in each form). */
function ProfileFields({ prefix, state, defaults }: { prefix: string; state: ActionResult<unknown> | null; defaults?: { languages: string[]; yearsOfExperience: number | null } }) {
  return (
    <div className="flex gap-3">
      <div className="min-w-0 flex-1">
        <label className={labelClass} htmlFor={`${prefix}-languages`}>Languages (optional)</label>
        <input className={inputClass} id={`${prefix}-languages`} name="languages" placeholder="en, es" defaultValue={defaults?.languages.join(", ")} />
        <FieldError state={state} name="languages" />
      </div>
      <div className="w-28">
        <label className={labelClass} htmlFor={`${prefix}-years`}>Years of experience</label>
        <input className={inputClass} id={`${prefix}-years`} name="yearsOfExperience" type="number" min={0} max={70} defaultValue={defaults?.yearsOfExperience ?? ""} />
        <FieldError state={state} name="yearsOfExperience" />
      </div>
    </div>
  );
}

/** A user's study profile, edited in place on the users list. */
export function UserProfileForm({ user }: { user: { id: string; email: string; specialty: string | null; languages: string[]; yearsOfExperience: number | null } }) {
  const [state, action, pending] = useActionState(updateUserProfileAction, null);
  return (
    <details className="text-start">
      <summary className="cursor-pointer text-xs text-blue-800">Edit profile</summary>
      <form action={action} className="mt-2 space-y-2" aria-label={`Profile of ${user.email}`}>
        <input type="hidden" name="userId" value={user.id} />
        <div>
          <label className={labelClass} htmlFor={`p-${user.id}-specialty`}>Specialty</label>
          <input className={inputClass} id={`p-${user.id}-specialty`} name="specialty" defaultValue={user.specialty ?? ""} />
        </div>
        <ProfileFields prefix={`p-${user.id}`} state={state} defaults={user} />
        <FormStatus state={state} />
        <button className={secondaryButtonClass} disabled={pending}>Save profile</button>
      </form>
    </details>
  );
}

/** Invite by link: the account is created without a password; the new user chooses one on the link (one use, 7 days). */
export function InviteUserForm() {
  const [state, action, pending] = useActionState(inviteUserAction, null);
  return (
    <form onSubmit={keepValuesOnError(action)} className="space-y-3" key={state?.ok ? state.data.id : "invite"} aria-label="Invite by link">
      <AccountFields prefix="i" state={state} />
      {state && !state.ok ? <FormStatus state={state} /> : null}
      <button className={buttonClass} disabled={pending}>{pending ? "Inviting…" : "Create invitation link"}</button>
      {state?.ok ? (
        <p className="text-xs text-slate-600" data-testid="invite-link">
          Give this to {state.data.email}: it works once, until {state.data.expiresAt.slice(0, 16).replace("T", " ")} UTC, and lets them choose their password.
          <code className="mt-1 block select-all break-all rounded bg-slate-100 p-1 font-mono">{state.data.link}</code>
        </p>
      ) : null}
    </form>
  );
}

export function ResetLinkButton({ userId, email }: { userId: string; email: string }) {
  const [state, action, pending] = useActionState(issueResetLinkAction, null);
  return (
    <form action={action} className="block">
      <input type="hidden" name="userId" value={userId} />
      <button className={secondaryButtonClass} disabled={pending} aria-label={`Reset link for ${email}`}>Reset link</button>
      {state?.ok ? (
        <span className="mt-1 block text-start text-xs text-slate-600" data-testid="reset-link">
          Give this to {state.data.email} (works once, 24 hours):
          <code className="mt-1 block select-all break-all rounded bg-slate-100 p-1 font-mono">{state.data.link}</code>
        </span>
      ) : null}
      {state && !state.ok ? <span className="ms-2 text-xs text-red-700">{state.error}</span> : null}
    </form>
  );
}

export function LiftLockoutButton({ email, ip }: { email?: string; ip: string | null }) {
  const [state, action, pending] = useActionState(clearLockoutAction, null);
  return (
    <form action={action} className="inline">
      {email ? <input type="hidden" name="email" value={email} /> : null}
      {ip ? <input type="hidden" name="ip" value={ip} /> : null}
      <button className={secondaryButtonClass} disabled={pending}>Lift</button>
      {state && !state.ok ? <span className="ms-2 text-xs text-red-700">{state.error}</span> : null}
    </form>
  );
}
