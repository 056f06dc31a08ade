"use client";
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { retryQualificationAction } from "@/app/projects/qualification-actions";
import { FormStatus } from "@/components/ui/form-status";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { QualificationNotice } from "@/lib/qualification/status";

/** On the queue: where the reviewer stands with each project's qualification round and gold watch. */
export function QualificationNotices({ notices }: { notices: QualificationNotice[] }) {
  const t = useTranslations("queue.qualification");
  if (!notices.length) return null;
  return (
    <section aria-label={t("label")} className="mb-6 space-y-2" data-testid="qualification-notices">
      {notices.map((n) => <Notice key={n.project.slug} notice={n} />)}
    </section>
  );
}

function Notice({ notice: n }: { notice: QualificationNotice }) {
  const [state, action, pending] = useActionState(retryQualificationAction, null);
  const t = useTranslations("queue.qualification");
  const format = useFormatter();
  const round = n.round;
  const project = n.project.name;
  const score = round?.lastPercent !== null && round?.lastPercent !== undefined ? t("score", { value: format.number(Math.round(round.lastPercent)) }) : "—";
  let text: string;
  if (n.paused) text = n.pauseReason ? t("paused", { project, reason: n.pauseReason }) : t("pausedNoReason", { project });
  else if (n.qualified) text = n.warned ? t("passedWarned", { project }) : t("passed", { project });
  else if (!round) text = n.required ? t("notAssigned", { project }) : n.warned ? t("warned", { project }) : "";
  else if (round.open) text = t("open", { project, round: round.name, attempt: String(round.attempt), max: round.maxAttempts, open: round.open });
  else if (round.canRetry) text = t("canRetry", { project, score, attempt: String(round.attempt), max: round.maxAttempts });
  else text = t("exhausted", { project, score, max: round.maxAttempts });
  if (!text) return null;
  const tone = n.paused || (round && !round.open && !n.qualified) ? "border-amber-300 bg-amber-50 text-amber-900" : n.qualified ? "border-green-300 bg-green-50 text-green-900" : "border-sky-300 bg-sky-50 text-sky-900";
  return (
    <div className={`rounded-md border p-3 text-sm ${tone}`} data-testid="qualification-notice">
      <p>{text}</p>
      {round?.canRetry && !n.paused ? (
        <form action={action} className="mt-2">
          <input type="hidden" name="slug" value={n.project.slug} />
          <input type="hidden" name="batchId" value={round.batchId} />
          <button className={secondaryButtonClass} disabled={pending}>{pending ? t("starting") : t("startAttempt", { attempt: String(round.attempt + 1) })}</button>
        </form>
      ) : null}
      <FormStatus state={state} />
    </div>
  );
}
