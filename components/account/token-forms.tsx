"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createTokenAction, revokeTokenAction } from "@/app/account/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import { keepValuesOnError } from "@/components/ui/keep-values";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { TOKEN_DEFAULT_DAYS } from "@/lib/auth/schema";

export function CreateTokenForm({ scopes }: { scopes: Array<{ scope: string; description: string }> }) {
  const [state, action, pending] = useActionState(createTokenAction, null);
  const t = useTranslations("account.tokens");
  return (
    <form onSubmit={keepValuesOnError(action)} className="space-y-3 border-t border-slate-100 pt-4" key={state?.ok ? state.data.token : "new"}>
      <h3 className="text-sm font-medium">{t("new")}</h3>
      {state?.ok ? (
        <div className="rounded-md bg-green-50 p-3 text-sm" data-testid="new-token">
          <p className="text-green-800">{state.message}</p>
          <code className="mt-2 block select-all break-all rounded bg-white p-2 font-mono text-xs" data-testid="new-token-value">{state.data.token}</code>
        </div>
      ) : null}
      <div>
        <label className={labelClass} htmlFor="token-name">{t("name")}</label>
        <input className={inputClass} id="token-name" name="name" placeholder={t("namePlaceholder")} required />
        <FieldError state={state} name="name" />
      </div>
      <fieldset>
        <legend className={labelClass}>{t("scopes")}</legend>
        {scopes.map((s) => (
          <label key={s.scope} className="mt-1 flex items-start gap-2 text-sm">
            <input type="checkbox" name="scopes[]" value={s.scope} className="mt-1" />
            <span><code>{s.scope}</code> — {s.description}</span>
          </label>
        ))}
        <FieldError state={state} name="scopes" />
      </fieldset>
      <div>
        <label className={labelClass} htmlFor="token-expiry">{t("expiresAfter")}</label>
        <select className={`${inputClass} max-w-40`} id="token-expiry" name="expiresInDays" defaultValue={String(TOKEN_DEFAULT_DAYS)}>
          {[7, 30, 90, 180, 365].map((d) => <option key={d} value={d}>{t("days", { count: d })}</option>)}
        </select>
      </div>
      <FormStatus state={state && !state.ok && !state.fieldErrors ? state : null} />
      <button className={buttonClass} disabled={pending}>{pending ? t("creating") : t("create")}</button>
    </form>
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeTokenAction, null);
  const t = useTranslations("account.tokens");
  return (
    <form action={action} className="inline">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button className={secondaryButtonClass} disabled={pending} aria-label={t("revokeNamed", { name })}>{t("revoke")}</button>
      {state && !state.ok ? <span className="ms-2 text-xs text-red-700">{state.error}</span> : null}
    </form>
  );
}
