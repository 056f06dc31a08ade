"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveAxisTranslationsAction } from "@/app/projects/translation-actions";
import { FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { textDirection } from "@/lib/i18n/locales";
import type { AxisTranslation } from "@/lib/projects/axis-translations-schema";

type Axis = { key: string; label: string; help: string; options: Array<{ value: string; label: string }> };

/** One language's wording of every axis, beside the English it translates; blank keeps the English. */
export function AxisTranslationsForm({ slug, locale, axes, current }: { slug: string; locale: string; axes: Axis[]; current: Record<string, AxisTranslation> }) {
  const t = useTranslations("translations");
  const [state, action, pending] = useActionState(saveAxisTranslationsAction, null);
  const dir = textDirection(locale) === "rtl" ? "rtl" : "ltr";
  return (
    <form action={action} className="space-y-5" data-testid="axis-translations">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="locale" value={locale} />
      {axes.map((axis) => (
        <fieldset key={axis.key} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 font-mono text-xs text-slate-600">{axis.key}</legend>
          <div className="grid gap-2 md:grid-cols-2">
            <p className="text-sm" lang="en" dir="ltr">{axis.label}</p>
            <input className={inputClass} name={`t|${axis.key}|label`} defaultValue={current[axis.key]?.label ?? ""} lang={locale} dir={dir} aria-label={t("labelOf", { axis: axis.label })} />
            {axis.help ? (
              <>
                <p className="whitespace-pre-line text-xs text-slate-600" lang="en" dir="ltr">{axis.help}</p>
                <textarea className={inputClass} rows={2} name={`t|${axis.key}|help`} defaultValue={current[axis.key]?.help ?? ""} lang={locale} dir={dir} aria-label={t("helpOf", { axis: axis.label })} />
              </>
            ) : null}
            {axis.options.map((o) => (
              <div key={o.value} className="contents">
                <p className="ps-4 text-sm text-slate-700" lang="en" dir="ltr">{o.label}</p>
                <input className={inputClass} name={`t|${axis.key}|option|${o.value}`} defaultValue={current[axis.key]?.options?.[o.value] ?? ""} lang={locale} dir={dir} aria-label={t("optionOf", { option: o.label, axis: axis.label })} />
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <FormStatus state={state} />
      <button className={buttonClass} disabled={pending}>{t("save")}</button>
    </form>
  );
}
