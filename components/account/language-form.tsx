"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { setLanguageAction } from "@/app/account/actions";
import { FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/** The user's UI language; "browser default" follows Accept-Language (lib/i18n/request.ts). */
export function LanguageForm({ current }: { current: string | null }) {
  const t = useTranslations("common.language");
  const [state, action, pending] = useActionState(setLanguageAction, null);
  // A full load, not a refresh: <html lang dir> belongs to the root layout, which a soft navigation keeps.
  useEffect(() => {
    if (state?.ok) window.location.assign(new URL("/account?notice=language", window.location.origin).href);
  }, [state]);
  return (
    <form action={action} className="space-y-3" data-testid="language-form">
      <div>
        <label className={labelClass} htmlFor="ui-language">{t("label")}</label>
        <select className={inputClass} id="ui-language" name="locale" defaultValue={current ?? ""}>
          <option value="">{t("browserDefault")}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-500">{t("help")}</p>
      </div>
      <FormStatus state={state && !state.ok ? state : null} />
      <button className={buttonClass} disabled={pending}>{t("save")}</button>
    </form>
  );
}
