"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { clearLockoutAction, createUserAction, inviteUserAction, updateUserProfileAction, issueResetLinkAction, setUserActiveAction } from "@/app/admin/users/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/auth/action";
import { keepValuesOnError } from "@/components/ui/keep-values";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schema";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  const t = useTranslations("admin.forms");
  return (
    <form onSubmit={keepValuesOnError(action)} className="space-y-3" key={state?.ok ? state.data.id : "new"} aria-label={t("createLabel")}>
      <AccountFields prefix="u" state={state} />
      <div>
        <label className={labelClass} htmlFor="u-password">{t("initialPassword")}</label>
        <input className={inputClass} id="u-password" name="password" type="password" minLength={PASSWORD_MIN_LENGTH} required />
        <p className="mt-1 text-xs text-slate-500">{t("passwordHelp", { min: PASSWORD_MIN_LENGTH })}</p>
        <FieldError state={state} name="password" />
      </div>
      <FormStatus state={state} />
      <button className={buttonClass} disabled={pending}>{pending ? t("creating") : t("createUser")}</button>
    </form>
  );
}

export function UserActiveToggle({ userId, isActive }: { userId: string; isActive: boolean }) {
  const [state, action, pending] = useActionState(setUserActiveAction, null);
  const t = useTranslations("admin.forms");
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="isActive" value={String(!isActive)} />
      <button className={secondaryButtonClass} disabled={pending}>{isActive ? t("deactivate") : t("reactivate")}</button>
      {state && !state.ok ? <span className="ms-2 text-xs text-red-700">{state.error}</span> : null}
    </form>
  );
}

/** One-time reset link for the admin to hand over (there is no mail server). */
/** Who the new account is for: name, e-mail, role and profile (the same in both ways of making one). */
function AccountFields({ prefix, state }: { prefix: string; state: ActionResult<unknown> | null }) {
  const t = useTranslations("admin.forms");
  return (
    <>
      <div>
        <label className={labelClass} htmlFor={`${prefix}-name`}>{t("name")}</label>
        <input className={inputClass} id={`${prefix}-name`} name="name" required />
        <FieldError state={state} name="name" />
      </div>
      <div>
        <label className={labelClass} htmlFor={`${prefix}-email`}>{t("email")}</label>
        <input className={inputClass} id={`${prefix}-email`} name="email" type="email" required />
        <FieldError state={state} name="email" />
      </div>
      <div>
        <label className={labelClass} htmlFor={`${prefix}-role`}>{t("role")}</label>
        <select className={inputClass} id={`${prefix}-role`} name="role" defaultValue="REVIEWER">
          <option value="REVIEWER">{t("roles.REVIEWER")}</option>
          <option value="RESEARCHER">{t("roles.RESEARCHER")}</option>
          <option value="ADMIN">{t("roles.ADMIN")}</option>
        </select>
      </div>
      <div>
        <label className={labelClass} htmlFor={`${prefix}-specialty`}>{t("specialtyOptional")}</label>
        <input className={inputClass} id={`${prefix}-specialty`} name="specialty" />
      </div>
      <ProfileFields prefix={prefix} state={state} />
    </>
  );
}

/** Languages and years of experience (the specialty has its own field in each form). */
function ProfileFields({ prefix, state, defaults }: { prefix: string; state: ActionResult<unknown> | null; defaults?: { languages: string[]; yearsOfExperience: number | null } }) {
  const t = useTranslations("admin.forms");
  return (
    <div className="flex gap-3">
      <div className="min-w-0 flex-1">
        <label className={labelClass} htmlFor={`${prefix}-languages`}>{t("languagesOptional")}</label>
        <input className={inputClass} id={`${prefix}-languages`} name="languages" placeholder="en, es" defaultValue={defaults?.languages.join(", ")} />
        <FieldError state={state} name="languages" />
      </div>
      <div className="w-28">
        <label className={labelClass} htmlFor={`${prefix}-years`}>{t("years")}</label>
        <input className={inputClass} id={`${prefix}-years`} name="yearsOfExperience" type="number" min={0} max={70} defaultValue={defaults?.yearsOfExperience ?? ""} />
        <FieldError state={state} name="yearsOfExperience" />
      </div>
    </div>
  );
}

/** A user's study profile, edited in place on the users list. */
export function UserProfileForm({ user }: { user: { id: string; email: string; specialty: string | null; languages: string[]; yearsOfExperience: number | null } }) {
  const [state, action, pending] = useActionState(updateUserProfileAction, null);
  const t = useTranslations("admin.forms");
  return (
    <details className="text-start">
      <summary className="cursor-pointer text-xs text-blue-800">{t("editProfile")}</summary>
      <form action={action} className="mt-2 space-y-2" aria-label={t("profileOf", { email: user.email })}>
        <input type="hidden" name="userId" value={user.id} />
        <div>
          <label className={labelClass} htmlFor={`p-${user.id}-specialty`}>{t("specialty")}</label>
          <input className={inputClass} id={`p-${user.id}-specialty`} name="specialty" defaultValue={user.specialty ?? ""} />
        </div>
        <ProfileFields prefix={`p-${user.id}`} state={state} defaults={user} />
        <FormStatus state={state} />
        <button className={secondaryButtonClass} disabled={pending}>{t("saveProfile")}</button>
      </form>
    </details>
  );
}

/** Invite by link: the account is created without a password; the new user chooses one on the link (one use, 7 days). */
export function InviteUserForm() {
  const [state, action, pending] = useActionState(inviteUserAction, null);
  const t = useTranslations("admin.forms");
  return (
    <form onSubmit={keepValuesOnError(action)} className="space-y-3" key={state?.ok ? state.data.id : "invite"} aria-label={t("inviteLabel")}>
      <AccountFields prefix="i" state={state} />
      {state && !state.ok ? <FormStatus state={state} /> : null}
      <button className={buttonClass} disabled={pending}>{pending ? t("inviting") : t("createInvite")}</button>
      {state?.ok ? (
        <p className="text-xs text-slate-600" data-testid="invite-link">
          {t("inviteGive", { email: state.data.email, until: state.data.expiresAt.slice(0, 16).replace("T", " ") })}
          <code className="mt-1 block select-all break-all rounded bg-slate-100 p-1 font-mono">{state.data.link}</code>
        </p>
      ) : null}
    </form>
  );
}

export function ResetLinkButton({ userId, email }: { userId: string; email: string }) {
  const [state, action, pending] = useActionState(issueResetLinkAction, null);
  const t = useTranslations("admin.forms");
  return (
    <form action={action} className="block">
      <input type="hidden" name="userId" value={userId} />
      <button className={secondaryButtonClass} disabled={pending} aria-label={t("resetFor", { email })}>{t("reset")}</button>
      {state?.ok ? (
        <span className="mt-1 block text-start text-xs text-slate-600" data-testid="reset-link">
          {t("resetGive", { email: state.data.email })}
          <code className="mt-1 block select-all break-all rounded bg-slate-100 p-1 font-mono">{state.data.link}</code>
        </span>
      ) : null}
      {state && !state.ok ? <span className="ms-2 text-xs text-red-700">{state.error}</span> : null}
    </form>
  );
}

export function LiftLockoutButton({ email, ip }: { email?: string; ip: string | null }) {
  const [state, action, pending] = useActionState(clearLockoutAction, null);
  const t = useTranslations("admin.forms");
  return (
    <form action={action} className="inline">
      {email ? <input type="hidden" name="email" value={email} /> : null}
      {ip ? <input type="hidden" name="ip" value={ip} /> : null}
      <button className={secondaryButtonClass} disabled={pending}>{t("lift")}</button>
      {state && !state.ok ? <span className="ms-2 text-xs text-red-700">{state.error}</span> : null}
    </form>
  );
}
