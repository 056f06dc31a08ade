"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteBatchAction, moveReviewerWorkAction, setBatchDueDateAction } from "@/app/projects/actions";
import { FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

type Person = { id: string; name: string };

/**
 * A batch's admin controls (issue 10, "Change after the fact"): due date, moving one reviewer's
 * pending work to others, deleting a batch nobody finished anything in. Each says what it will and
 * will not touch; the server enforces it (lib/assignments/batch-changes.ts).
 */
export function BatchAdmin(props: { slug: string; batchId: string; dueAt: string | null; reviewers: Array<Person & { pending: number; inProgress: number }>; candidates: Person[]; finished: number; drafts: number }) {
  const { slug, batchId } = props;
  const [dueState, dueAction, duePending] = useActionState(setBatchDueDateAction, null);
  const [moveState, moveAction, movePending] = useActionState(moveReviewerWorkAction, null);
  const [deleteState, deleteAction, deletePending] = useActionState(deleteBatchAction, null);
  const movable = props.reviewers.filter((r) => r.pending > 0);
  const t = useTranslations("project.batchAdmin");
  return (
    <div className="grid gap-4 md:grid-cols-3" data-testid="batch-admin">
      <form action={dueAction} className="space-y-2" aria-label={t("dueLabel")}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="batchId" value={batchId} />
        <label className={labelClass} htmlFor="due">{t("due")}</label>
        <input className={inputClass} id="due" name="dueAt" type="date" defaultValue={props.dueAt ?? ""} />
        <p className="text-xs text-slate-600">{t("dueHelp")}</p>
        <FormStatus state={dueState} />
        <button className={secondaryButtonClass} disabled={duePending}>{t("saveDue")}</button>
      </form>

      <form action={moveAction} className="space-y-2" aria-label={t("moveLabel")}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="batchId" value={batchId} />
        <label className={labelClass} htmlFor="move-from">{t("moveFrom")}</label>
        <select className={inputClass} id="move-from" name="reviewerId" disabled={!movable.length}>
          {movable.map((r) => (
            <option key={r.id} value={r.id}>{t("moveOption", { name: r.name, pending: r.pending, started: r.inProgress })}</option>
          ))}
        </select>
        <label className={labelClass} htmlFor="move-to">{t("moveTo")}</label>
        <select className={inputClass} id="move-to" name="toReviewerIds[]" multiple size={Math.min(5, props.candidates.length + 1)}>
          {props.candidates.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <p className="text-xs text-slate-600">{t("moveHelp")}</p>
        <FormStatus state={moveState} />
        <button className={secondaryButtonClass} disabled={movePending || !movable.length}>{t("move")}</button>
      </form>

      <form action={deleteAction} className="space-y-2" aria-label={t("deleteLabel")}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="batchId" value={batchId} />
        <input type="hidden" name="drafts" value={props.drafts} />
        <p className={labelClass}>{t("deleteHeading")}</p>
        {props.finished ? (
          <p className="text-xs text-slate-600" data-testid="delete-refused">{t("deleteRefused", { count: props.finished })}</p>
        ) : (
          <p className="text-xs text-slate-600">
            {t("deleteBack")}{" "}
            {props.drafts ? <strong>{t("deleteDrafts", { count: props.drafts })}</strong> : t("deleteNoDrafts")}
          </p>
        )}
        {props.finished ? null : (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirm" required data-testid="confirm-delete" /> {t("confirm")}
          </label>
        )}
        <FormStatus state={deleteState} />
        <button className={buttonClass} disabled={deletePending || props.finished > 0} data-testid="delete-batch">{t("delete")}</button>
      </form>
    </div>
  );
}
