"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateSettingsAction } from "@/app/projects/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { ProjectSettings } from "@/lib/projects/settings";
import { ReviewOptionsFields } from "./review-options-fields";

export function ProjectSettingsForm({ slug, settings }: { slug: string; settings: ProjectSettings }) {
  const [state, action, pending] = useActionState(updateSettingsAction, null);
  const t = useTranslations("project.options");
  return (
    <form action={action} className="space-y-2" aria-label={t("label")}>
      <input type="hidden" name="slug" value={slug} />
      <ReviewOptionsFields defaults={settings} hostsError={<FieldError state={state} name="imageHosts" />} />
      <button className={secondaryButtonClass} disabled={pending}>{pending ? t("saving") : t("save")}</button>
      <FormStatus state={state} />
    </form>
  );
}
