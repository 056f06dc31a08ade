"use client";
import { startTransition, useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { previewGuidelinesAction, updateDetailsAction } from "@/app/projects/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import { Markdown } from "@/components/ui/markdown";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

type Details = { name: string; guidelines: string; reviewersPerItem: number; blinded: boolean; randomizeOrder: boolean };

/**
 * Name, guidelines (with a preview rendered by the server's sanitizing renderer, exactly as reviewers
 * will see it), reviewers per item for the next batches, and — until reviewing starts — blinding and
 * randomized order; after that they are shown locked with the reason (lib/projects/update-details.ts).
 */
export function ProjectDetailsForm({ slug, details, lockReason }: { slug: string; details: Details; lockReason: string | null }) {
  const [state, action, pending] = useActionState(updateDetailsAction, null);
  const t = useTranslations("project.details");
  const [preview, previewAction, previewing] = useActionState(previewGuidelinesAction, null);
  const [showPreview, setShowPreview] = useState(false);
  const guidelines = useRef<HTMLTextAreaElement>(null);
  const runPreview = () => {
    const data = new FormData();
    data.set("slug", slug);
    data.set("guidelines", guidelines.current?.value ?? "");
    setShowPreview(true);
    startTransition(() => previewAction(data));
  };
  return (
    <form action={action} className="space-y-3" aria-label={t("label")}>
      <input type="hidden" name="slug" value={slug} />
      <div>
        <label className={labelClass} htmlFor="d-name">{t("name")}</label>
        <input className={inputClass} id="d-name" name="name" defaultValue={details.name} required maxLength={200} />
        <FieldError state={state} name="name" />
      </div>
      <div>
        <label className={labelClass} htmlFor="d-guidelines">{t("guidelines")}</label>
        <textarea ref={guidelines} className={`${inputClass} font-mono`} id="d-guidelines" name="guidelines" rows={8} defaultValue={details.guidelines} onChange={() => setShowPreview(false)} />
        <button type="button" className={`${secondaryButtonClass} mt-1`} onClick={runPreview} disabled={previewing}>{previewing ? t("rendering") : t("preview")}</button>
        {showPreview && preview?.ok ? <Markdown html={preview.data.html} className="mt-2 rounded border border-slate-200 p-3 text-sm" data-testid="guidelines-preview" /> : null}
        {showPreview && preview && !preview.ok ? <FormStatus state={preview} /> : null}
      </div>
      <div className="w-40">
        <label className={labelClass} htmlFor="d-k">{t("perItem")}</label>
        <input className={inputClass} id="d-k" name="reviewersPerItem" type="number" min={1} max={50} defaultValue={details.reviewersPerItem} />
        <p className="mt-1 text-xs text-slate-600">{t("perItemHelp")}</p>
      </div>
      <fieldset className="space-y-1" disabled={Boolean(lockReason)}>
        <legend className={labelClass}>{t("design")}</legend>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="blinded" defaultChecked={details.blinded} /> {t("blinded")}</label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="randomizeOrder" defaultChecked={details.randomizeOrder} /> {t("randomize")}</label>
        {/* A disabled fieldset's fields are not sent: send the current values instead. */}
        {lockReason ? <p className="text-xs text-slate-600" data-testid="design-locked">{t("locked", { reason: lockReason })}</p> : null}
      </fieldset>
      {lockReason ? (
        <>
          {details.blinded ? <input type="hidden" name="blinded" value="on" /> : null}
          {details.randomizeOrder ? <input type="hidden" name="randomizeOrder" value="on" /> : null}
        </>
      ) : null}
      <FormStatus state={state} />
      <button className={secondaryButtonClass} disabled={pending}>{pending ? t("saving") : t("save")}</button>
    </form>
  );
}
