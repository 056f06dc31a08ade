"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/account/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schema";

export function PasswordFields({ state }: { state: Parameters<typeof FieldError>[0]["state"] }) {
  const t = useTranslations("auth.password");
  return (
    <>
      <div>
        <label className={labelClass} htmlFor="new-password">{t("new")}</label>
        <input className={inputClass} id="new-password" name="newPassword" type="password" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} required />
        <p className="mt-1 text-xs text-slate-500">{t("help", { min: PASSWORD_MIN_LENGTH })}</p>
        <FieldError state={state} name="newPassword" />
      </div>
      <div>
        <label className={labelClass} htmlFor="confirm-password">{t("again")}</label>
        <input className={inputClass} id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" required />
        <FieldError state={state} name="confirmPassword" />
      </div>
    </>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const t = useTranslations("auth.password");
  return (
    <form action={action} className="space-y-3">
      <div>
        <label className={labelClass} htmlFor="current-password">{t("current")}</label>
        <input className={inputClass} id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
        <FieldError state={state} name="currentPassword" />
      </div>
      <PasswordFields state={state} />
      <p className="text-xs text-slate-500">{t("signsOut")}</p>
      <FormStatus state={state && !state.ok && !state.fieldErrors ? state : null} />
      <button className={buttonClass} disabled={pending}>{pending ? t("changing") : t("change")}</button>
    </form>
  );
}
