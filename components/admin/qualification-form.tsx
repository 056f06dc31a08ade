"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateQualificationAction } from "@/app/projects/qualification-actions";
import { FormStatus } from "@/components/ui/form-status";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import type { QualificationPolicy } from "@/lib/qualification/policy";

/**
 * The project's qualification policy (decision 026). The round itself is a batch built in the
 * new-batch form ("Qualification round"); this sets whether it must be passed, how, and the gold watch.
 */
export function QualificationForm({ slug, required, policy }: { slug: string; required: boolean; policy: QualificationPolicy }) {
  const [state, action, pending] = useActionState(updateQualificationAction, null);
  const t = useTranslations("project.qualification");
  return (
    <form action={action} className="space-y-2 text-sm" aria-label={t("label")}>
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("legend")}</legend>
        <input type="hidden" name="slug" value={slug} />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="required" defaultChecked={required} /> {t("required")}
        </label>
        <p className="flex flex-wrap items-center gap-2">
          {t.rich("passRule", {
            pass: () => <input className={`${inputClass} w-20`} name="passPercent" type="number" min={1} max={100} defaultValue={policy.passPercent} aria-label={t("passLabel")} />,
            rule: () => (
              <select className={`${inputClass} w-auto`} name="rule" defaultValue={policy.rule} aria-label={t("ruleLabel")}>
                <option value="overall">{t("overall")}</option>
                <option value="every_axis">{t("everyAxis")}</option>
              </select>
            ),
            attempts: () => <input className={`${inputClass} w-16`} name="maxAttempts" type="number" min={1} max={10} defaultValue={policy.maxAttempts} aria-label={t("attemptsLabel")} />,
          })}
        </p>
        <p className="flex flex-wrap items-center gap-2">
          {t.rich("pause", {
            below: () => <input className={`${inputClass} w-20`} name="pauseBelowPercent" type="number" min={1} max={100} defaultValue={policy.pauseBelowPercent ?? ""} placeholder={t("never")} aria-label={t("pauseLabel")} />,
            min: () => <input className={`${inputClass} w-16`} name="minGoldItems" type="number" min={2} max={1000} defaultValue={policy.minGoldItems} aria-label={t("minGoldLabel")} />,
          })}
        </p>
        <p className={labelClass}>{t("help")}</p>
      </fieldset>
      <button className={secondaryButtonClass} disabled={pending}>{pending ? t("saving") : t("save")}</button>
      <FormStatus state={state} />
    </form>
  );
}
