import { useTranslations } from "next-intl";
import { secondaryButtonClass } from "@/components/ui/styles";

/** brat (zip, one folder per annotator) and CoNLL/BIO downloads of argument spans (lib/tools/arguments/export-files.ts). */
export function ArgumentExportLinks({ slug }: { slug: string }) {
  const href = (query: string) => `/api/v1/projects/${slug}/export?${query}`;
  const t = useTranslations("project.export.arguments");
  return (
    <div className="mt-3">
      <h3 className="mb-2 text-sm font-medium">{t("heading")}</h3>
      <div className="flex flex-wrap gap-2">
        <a className={secondaryButtonClass} href={href("format=brat")} data-testid="export-brat">{t("bratReviewers")}</a>
        <a className={secondaryButtonClass} href={href("format=conll")} data-testid="export-conll">{t("bioReviewers")}</a>
        <a className={secondaryButtonClass} href={href("format=brat&source=imported")} data-testid="export-brat-imported">{t("bratImported")}</a>
        <a className={secondaryButtonClass} href={href("format=conll&source=imported&foldMajorClaim=true")} data-testid="export-conll-imported">{t("bioImported")}</a>
      </div>
      <p className="mt-1 text-xs text-slate-500">{t("help")}</p>
    </div>
  );
}
