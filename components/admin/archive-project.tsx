"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { archiveProjectAction } from "@/app/projects/actions";
import { FormStatus } from "@/components/ui/form-status";
import { secondaryButtonClass } from "@/components/ui/styles";

/** Archive (or restore) the project: it leaves the lists and queues and stops changing; results and exports stay. */
export function ArchiveProject({ slug, archived }: { slug: string; archived: boolean }) {
  const [state, action, pending] = useActionState(archiveProjectAction, null);
  const t = useTranslations("project.archive");
  return (
    <form action={action} className="space-y-1" aria-label={archived ? t("restoreLabel") : t("archiveLabel")}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <p className="text-sm text-slate-600">
        {archived ? t("archivedHelp") : t("archiveHelp")}
      </p>
      <button className={secondaryButtonClass} disabled={pending}>{archived ? t("restore") : t("archive")}</button>
      <FormStatus state={state} />
    </form>
  );
}
