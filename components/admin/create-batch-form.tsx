"use client";
import { startTransition, useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { createBatchAction, previewBatchAction } from "@/app/projects/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

type Reviewer = { id: string; name: string; specialty: string | null };

/**
 * New batch from the items not yet in a batch. The reviewer list starts with the project's own
 * reviewers (ticked); other active reviewers of the site are listed apart, unticked, and become
 * project members only if chosen. "Preview load" shows each reviewer's share before anything is
 * written; creating right after a preview writes exactly that plan (its seed travels with the form).
 * Any change to the form drops the preview, so what was shown is never stale.
 */
export function CreateBatchForm({ slug, defaultPerItem, members, others }: { slug: string; defaultPerItem: number; members: Reviewer[]; others: Reviewer[] }) {
  const [state, action, pending] = useActionState(createBatchAction, null);
  const [preview, previewAction, previewing] = useActionState(previewBatchAction, null);
  const t = useTranslations("project.batch");
  const form = useRef<HTMLFormElement>(null);
  // Not a form action: React resets a form after its action, which would empty what was previewed.
  const runPreview = () => {
    if (!form.current?.reportValidity()) return;
    const data = new FormData(form.current);
    startTransition(() => previewAction(data));
  };
  const [previewShown, setPreviewShown] = useState<typeof preview>(null);
  const [from, setFrom] = useState("unbatched");
  // React resets the form after a batch is created; the item choice shown must follow it.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok) setFrom("unbatched");
  }
  if (preview !== null && preview !== previewShown && !previewing) setPreviewShown(preview);
  const plan = previewShown?.ok ? previewShown.data : null;
  const reviewerBox = (r: Reviewer, checked: boolean) => (
    <label key={r.id} className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="reviewerIds[]" value={r.id} defaultChecked={checked} />
      {r.name}
      {r.specialty ? ` · ${r.specialty}` : ""}
    </label>
  );
  return (
    <form ref={form} action={action} onChange={() => setPreviewShown(null)} className="mt-4 space-y-3 border-t border-slate-100 pt-4" aria-label={t("formLabel")}>
      <h3 className="text-sm font-medium">{t("heading")}</h3>
      <input type="hidden" name="slug" value={slug} />
      {plan ? <input type="hidden" name="seed" value={plan.seed} /> : null}
      <div className="flex flex-wrap gap-4">
        <div>
          <label className={labelClass} htmlFor="b-name">{t("name")}</label>
          <input className={inputClass} id="b-name" name="name" required />
          <FieldError state={state} name="name" />
        </div>
        <div className="w-32">
          <label className={labelClass} htmlFor="b-k">{t("perItem")}</label>
          <input className={inputClass} id="b-k" name="perItem" type="number" min={1} max={50} defaultValue={defaultPerItem} />
        </div>
        <div className="w-48">
          <label className={labelClass} htmlFor="b-shown">{t("responsesShown")}</label>
          <input className={inputClass} id="b-shown" name="responsesShown" type="number" min={2} max={8} placeholder={t("all")} aria-describedby="b-shown-help" />
          <span id="b-shown-help" className="text-xs text-slate-500">{t("responsesShownHelp")}</span>
          <FieldError state={state} name="responsesShown" />
        </div>
        <div>
          <label className={labelClass} htmlFor="b-due">{t("due")}</label>
          <input className={inputClass} id="b-due" name="dueAt" type="date" />
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className={labelClass}>{t("items")}</legend>
        <select className={inputClass} name="from" defaultValue="unbatched" aria-label={t("whichItems")} onChange={(e) => setFrom(e.target.value)}>
          <option value="unbatched">{t("from.unbatched")}</option>
          <option value="under_reviewed">{t("from.underReviewed")}</option>
          <option value="disagreement">{t("from.disagreement")}</option>
          <option value="all">{t("from.all")}</option>
          <option value="list">{t("from.list")}</option>
        </select>
        {from === "list" ? (
          <div>
            <label className={labelClass} htmlFor="b-ids">{t("externalIds")}</label>
            <textarea className={`${inputClass} font-mono`} id="b-ids" name="externalIds" rows={4} />
          </div>
        ) : (
          <div className="flex flex-wrap gap-3">
            <div>
              <label className={labelClass} htmlFor="b-kind">{t("kind")}</label>
              <select className={inputClass} id="b-kind" name="kind" defaultValue="">
                <option value="">{t("anyKind")}</option>
                {["qa", "mcq", "dialogue", "vqa", "note", "ddx", "trajectory", "summary", "record"].map((k) => <option key={k} value={k}>{k}</option>)}
              </select>
            </div>
            <div>
              <label className={labelClass} htmlFor="b-specialty">{t("specialty")}</label>
              <input className={inputClass} id="b-specialty" name="specialty" placeholder={t("any")} />
            </div>
            <div>
              <label className={labelClass} htmlFor="b-language">{t("language")}</label>
              <input className={`${inputClass} w-24`} id="b-language" name="language" placeholder={t("any")} />
            </div>
            <div>
              <label className={labelClass} htmlFor="b-metadata">{t("metadata")}</label>
              <input className={`${inputClass} w-48`} id="b-metadata" name="metadata" placeholder={t("metadataPlaceholder")} />
            </div>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend className={labelClass}>{t("reviewers")}</legend>
        {members.length === 0 ? <p className="text-sm text-slate-600" data-testid="no-project-reviewers">{t("noReviewers")}</p> : null}
        <div className="mt-1 grid gap-1 sm:grid-cols-2" data-testid="project-reviewers">{members.map((r) => reviewerBox(r, true))}</div>
        <FieldError state={state} name="reviewerIds[]" />
      </fieldset>
      {others.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">{t("others", { count: others.length })}</summary>
          <div className="mt-1 grid gap-1 sm:grid-cols-2" data-testid="other-reviewers">{others.map((r) => reviewerBox(r, false))}</div>
        </details>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">{t("fixedList")}</summary>
        <label className={`${labelClass} mt-1`} htmlFor="b-list">{t("fixedListHelp")}</label>
        <textarea className={`${inputClass} font-mono`} id="b-list" name="assignmentList" rows={4} placeholder={"external_id,reviewer\nq-1,dr.osei@example.org"} />
      </details>
      <fieldset className="space-y-1 text-sm">
        <legend className={labelClass}>{t("strategy")}</legend>
        <label className="flex items-center gap-2"><input type="checkbox" name="matchSpecialty" /> {t("matchSpecialty")}</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="isQualification" /> {t("qualification")}</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="showsEarlierRound" /> {t("delphi")}</label>
        <label className="flex flex-wrap items-center gap-2">{t.rich("quota", { quota: () => <input className={`${inputClass} w-24`} name="quota" type="number" min={1} placeholder={t("noLimit")} aria-label={t("quotaLabel")} /> })}</label>
      </fieldset>
      <fieldset className="space-y-1 text-sm">
        <legend className={labelClass}>{t("repeats")}</legend>
        <p className="flex flex-wrap items-center gap-2">
          {t.rich("repeatsText", {
            percent: () => <input className={`${inputClass} w-20`} name="repeatPercent" type="number" min={0} max={50} defaultValue={0} aria-label={t("repeatShareLabel")} />,
            items: () => <input className={`${inputClass} w-20`} name="washoutItems" type="number" min={0} defaultValue={10} aria-label={t("washoutItemsLabel")} />,
            days: () => <input className={`${inputClass} w-20`} name="washoutDays" type="number" min={0} max={365} defaultValue={0} aria-label={t("washoutDaysLabel")} />,
          })}
        </p>
      </fieldset>
      <fieldset className="space-y-1 text-sm">
        <legend className={labelClass}>{t("arms")}</legend>
        <label className="flex flex-wrap items-center gap-2">
          {t("design")}
          <select className={`${inputClass} w-auto`} name="armDesign" defaultValue="none" aria-label={t("designLabel")}>
            <option value="none">{t("designNone")}</option>
            <option value="sequential">{t("designSequential")}</option>
            <option value="crossover">{t("designCrossover")}</option>
          </select>
        </label>
        <label className="flex flex-wrap items-center gap-2">
          {t("assistShows")}
          <select className={`${inputClass} w-auto`} name="assistMaterial" defaultValue="reference" aria-label={t("assistLabel")}>
            <option value="reference">{t("assistReference")}</option>
            {["A", "B", "C", "D"].map((l) => <option key={l} value={`response:${l}`}>{t("assistResponse", { label: l })}</option>)}
          </select>
          {t("assistTitled")} <input className={`${inputClass} w-48`} name="assistTitle" placeholder={t("assistTitlePlaceholder")} aria-label={t("assistTitleLabel")} />
        </label>
        <label className="flex flex-wrap items-center gap-2">{t.rich("armWashout", { days: () => <input className={`${inputClass} w-20`} name="armWashoutDays" type="number" min={0} max={365} defaultValue={14} aria-label={t("armWashoutLabel")} /> })}</label>
        <p className="text-xs text-slate-600">{t("armsHelp")}</p>
      </fieldset>
      <fieldset className="space-y-1 text-sm">
        <legend className={labelClass}>{t("gold")}</legend>
        <label className="flex items-center gap-2"><input type="radio" name="gold" value="all" defaultChecked /> {t("goldAll")}</label>
        <label className="flex flex-wrap items-center gap-2"><input type="radio" name="gold" value="rate" /> {t.rich("goldRate", { rate: () => <input className={`${inputClass} w-20`} name="goldRatePercent" type="number" min={1} max={89} defaultValue={10} aria-label={t("goldRateLabel")} /> })}</label>
        <label className="flex items-center gap-2"><input type="radio" name="gold" value="planned" /> {t("goldPlanned")}</label>
      </fieldset>
      {plan?.uncovered.count ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="preview-uncovered" role="status">
          {t("uncovered", { count: plan.uncovered.count, perItem: plan.perItem })}{" "}
          {plan.uncovered.examples.map((u) => t("uncoveredExample", { id: u.externalId, specialty: u.specialty ?? t("noSpecialty"), eligible: u.eligible })).join(", ")}
          {plan.uncovered.count > plan.uncovered.examples.length ? ", …" : ""}
        </div>
      ) : null}
      {plan ? (
        <div className="overflow-x-auto" tabIndex={0} data-testid="batch-preview">
          <p className="text-sm text-slate-700">
            {t("plan", { items: plan.items, gold: plan.goldItems, perItem: plan.perItem, assignments: plan.assignments })}
          </p>
          {plan.arms ? <p className="text-sm text-slate-700" data-testid="preview-arms">{t("planArms", { design: plan.arms.design, assignments: plan.arms.assignments, batch: plan.arms.secondPhase })}</p> : null}
          <table className="mt-1 text-start text-sm [&_td]:pe-4 [&_th]:pe-4">
            <thead className="text-slate-500"><tr><th>{t("columns.reviewer")}</th><th>{t("columns.inBatch")}</th><th>{t("columns.gold")}</th><th>{t("columns.repeats")}</th><th>{t("columns.open")}</th></tr></thead>
            <tbody>
              {plan.loads.map((l) => (
                <tr key={l.reviewerId} data-testid="preview-load">
                  <td>{l.name}{l.isMember ? "" : t("joins")}</td>
                  <td data-col="assignments">{l.assignments}</td>
                  <td>{l.gold}</td>
                  <td data-col="repeats">{l.repeats}{l.repeatsShort ? t("repeatsShort", { count: l.repeatsShort }) : ""}</td>
                  <td>{l.openElsewhere}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {previewShown && !previewShown.ok ? <FormStatus state={previewShown} /> : null}
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={runPreview} disabled={previewing} data-testid="preview-batch">{previewing ? t("planning") : t("preview")}</button>
        <button className={buttonClass} disabled={pending}>{pending ? t("assigning") : t("create")}</button>
      </div>
    </form>
  );
}
