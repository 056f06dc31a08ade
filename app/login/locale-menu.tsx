import { useTranslations } from "next-intl";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { setLoginLocaleAction } from "./actions";

/** Five buttons, each language named in itself; works without JavaScript (a plain form post). */
export function LocaleMenu({ current }: { current: Locale }) {
  const t = useTranslations("common.language");
  return (
    <form action={setLoginLocaleAction} className="mt-8 border-t border-slate-200 pt-4" data-testid="login-language">
      <fieldset>
        <legend className="mb-2 text-xs text-slate-500">{t("label")}</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          {LOCALES.map((l) => (
            <button
              key={l}
              type="submit"
              name="locale"
              value={l}
              lang={l}
              aria-current={l === current ? "true" : undefined}
              className={l === current ? "font-semibold text-slate-900" : "text-blue-700 underline hover:text-blue-900"}
            >
              {LOCALE_NAMES[l]}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
