"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { createProjectAction } from "@/app/projects/actions";
import { FieldError, FormStatus } from "@/components/ui/form-status";
import { buttonClass, cardClass, inputClass, labelClass } from "@/components/ui/styles";
import { slugify } from "@/lib/projects/schema";
import type { ProjectSettings } from "@/lib/projects/settings";
import { ReviewOptionsFields } from "./review-options-fields";

// Mirrors projectSettingsSchema's defaults without shipping zod to the browser.
const DEFAULT_SETTINGS: ProjectSettings = { revealMcqAnswer: false, dialogueTarget: "final_turn", pairwiseStrength: false, askConfidence: true, imageHosts: [], steps: { enabled: false, requireKind: false } };

type TemplateSummary = { key: string; name: string; description: string; citation: { text: string; url: string }; axes: number; kinds: string[]; tools: string[] };

export function NewProjectForm({ templates }: { templates: TemplateSummary[] }) {
  const router = useRouter();
  const t = useTranslations("project.new");
  const [state, action, pending] = useActionState(createProjectAction, null);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const [templateKey, setTemplateKey] = useState(templates[0]?.key ?? "");
  const template = templates.find((t) => t.key === templateKey);

  useEffect(() => {
    if (state?.ok) router.push(`/projects/${state.data.slug}`);
  }, [state, router]);

  return (
    <form action={action} className={`${cardClass} max-w-2xl space-y-4`}>
      <div>
        <label className={labelClass} htmlFor="p-name">{t("name")}</label>
        <input className={inputClass} id="p-name" name="name" required value={name}
          onChange={(e) => { setName(e.target.value); if (!slugTouched) setSlug(slugify(e.target.value)); }} />
        <FieldError state={state} name="name" />
      </div>
      <div>
        <label className={labelClass} htmlFor="p-slug">{t("slug")}</label>
        <input className={inputClass} id="p-slug" name="slug" required value={slug} onChange={(e) => { setSlug(e.target.value); setSlugTouched(true); }} />
        <FieldError state={state} name="slug" />
      </div>
      <div>
        <label className={labelClass} htmlFor="p-template">{t("template")}</label>
        <select className={inputClass} id="p-template" name="template" value={templateKey} onChange={(e) => setTemplateKey(e.target.value)}>
          {templates.map((tpl) => <option key={tpl.key} value={tpl.key}>{tpl.name}</option>)}
        </select>
        {template ? (
          <p className="mt-1 text-xs text-slate-600">
            {template.description} {t("templateAxes", { axes: template.axes })}{template.tools.includes("criteria") ? t("templateCriteria") : ""}
            {template.kinds.length ? t("templateKinds", { kinds: template.kinds.join(", ") }) : ""}{t("templateSource")}{" "}
            <a className="underline" href={template.citation.url} target="_blank" rel="noreferrer" data-testid="template-citation">{template.citation.text}</a>
          </p>
        ) : null}
      </div>
      <div>
        <label className={labelClass} htmlFor="p-guidelines">{t("guidelines")}</label>
        <textarea className={`${inputClass} font-mono`} id="p-guidelines" name="guidelines" rows={8} />
      </div>
      <div className="flex flex-wrap gap-6">
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="blinded" defaultChecked /> {t("blinded")}</label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="randomizeOrder" defaultChecked /> {t("randomize")}</label>
      </div>
      <ReviewOptionsFields defaults={DEFAULT_SETTINGS} hostsError={<FieldError state={state} name="imageHosts" />} />
      <div className="max-w-40">
        <label className={labelClass} htmlFor="p-k">{t("perItem")}</label>
        <input className={inputClass} id="p-k" name="reviewersPerItem" type="number" min={1} max={50} defaultValue={2} required />
        <FieldError state={state} name="reviewersPerItem" />
      </div>
      <FormStatus state={state} />
      <button className={buttonClass} disabled={pending}>{pending ? t("creating") : t("create")}</button>
    </form>
  );
}
