"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/app/reset-password/[token]/actions";
import { FormStatus } from "@/components/ui/form-status";
import { buttonClass } from "@/components/ui/styles";
import { PasswordFields } from "./password-form";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  const t = useTranslations("auth.password");
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <PasswordFields state={state} />
      <FormStatus state={state && !state.ok && !state.fieldErrors ? state : null} />
      <button className={`${buttonClass} w-full`} disabled={pending}>{pending ? t("saving") : t("set")}</button>
    </form>
  );
}
