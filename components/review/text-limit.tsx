import { useFormatter, useTranslations } from "next-intl";

/**
 * "1,234 / 20,000 characters" once a text gets near its limit, so a reviewer sees the limit before the
 * server would refuse the save (the textarea's maxLength stops typing at the limit as well).
 */
export function TextLimit({ length, max }: { length: number; max?: number }) {
  const t = useTranslations("review.form");
  const format = useFormatter();
  if (!max || length < max * 0.8) return null;
  return (
    <p className={`mt-1 text-xs ${length >= max ? "text-red-700" : "text-slate-500"}`} data-testid="text-limit">
      {t("textLimit", { length: format.number(length), max })}
    </p>
  );
}
