import { useTranslations } from "next-intl";
import type { ProjectSettings } from "@/lib/projects/settings";
import { inputClass, labelClass } from "@/components/ui/styles";
import { regionLabelsText } from "@/lib/tools/regions/labels";

/** The project's review options as form fields; the new-project and edit forms share them. */
export function ReviewOptionsFields({ defaults, hostsError }: { defaults: ProjectSettings; hostsError?: React.ReactNode }) {
  const t = useTranslations("project.options");
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{t("legend")}</legend>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="askConfidence" defaultChecked={defaults.askConfidence} /> {t("askConfidence")}</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="pairwiseStrength" defaultChecked={defaults.pairwiseStrength} /> {t("pairwiseStrength")}</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="revealMcqAnswer" defaultChecked={defaults.revealMcqAnswer} /> {t("revealMcq")}</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="stepsEnabled" defaultChecked={defaults.steps.enabled} /> {t("steps")}</label>
      <label className="flex items-center gap-2 ps-6 text-sm"><input type="checkbox" name="requireStepKind" defaultChecked={defaults.steps.requireKind} /> {t("stepKind")}</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="argumentsEnabled" defaultChecked={defaults.arguments?.enabled ?? false} /> {t("arguments")}</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="correctionsEnabled" defaultChecked={defaults.corrections?.enabled ?? false} /> {t("corrections")}</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="regionsEnabled" defaultChecked={defaults.regions?.enabled ?? false} /> {t("regions")}</label>
      <div className="ps-6">
        <label className={labelClass} htmlFor="p-region-labels">{t("regionLabels")}</label>
        <textarea className={`${inputClass} font-mono`} id="p-region-labels" name="regionLabels" rows={3} placeholder={"Nodule\nEffusion #0891b2"} defaultValue={regionLabelsText(defaults.regions?.labels ?? [])} aria-describedby="p-region-labels-help" />
        <p id="p-region-labels-help" className="text-xs text-slate-600">{t("regionLabelsHelp")}</p>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="p-suggest-judge">{t("suggestJudge")}</label>
        <input id="p-suggest-judge" name="suggestionsJudge" className="w-48 max-w-full rounded border border-slate-300 px-2 py-1" defaultValue={defaults.suggestions?.judge ?? ""} placeholder={t("suggestNone")} aria-describedby="p-suggest-help" />
        <label htmlFor="p-suggest-reveal">{t("suggestShown")}</label>
        <select id="p-suggest-reveal" name="suggestionsReveal" className="max-w-full rounded border border-slate-300 px-2 py-1" defaultValue={defaults.suggestions?.reveal ?? "immediately"}>
          <option value="immediately">{t("suggestImmediately")}</option>
          <option value="after_rating">{t("suggestAfter")}</option>
        </select>
        <p id="p-suggest-help" className="w-full ps-6 text-xs text-slate-600">{t("suggestHelp")}</p>
      </div>
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor="p-dialogue">{t("dialogue")}</label>
        <select id="p-dialogue" name="dialogueTarget" className="rounded border border-slate-300 px-2 py-1" defaultValue={defaults.dialogueTarget}>
          <option value="final_turn">{t("dialogueFinal")}</option>
          <option value="whole_dialogue">{t("dialogueWhole")}</option>
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="p-disagree">{t("disagree")}</label>
        <input id="p-disagree" name="disagreementScaleRange" type="number" min={1} max={20} className="w-16 rounded border border-slate-300 px-2 py-1" defaultValue={defaults.adjudication?.scaleRange ?? 2} />
        <span>{t("disagreeAfter")}</span>
      </div>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2"><input type="checkbox" name="compareStepVerdicts" defaultChecked={defaults.adjudication?.steps ?? true} /> {t("stepVerdicts")}</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="compareArguments" defaultChecked={defaults.adjudication?.arguments ?? true} /> {t("argumentsDisagree")}</label>
      </div>
      <div>
        <label className={labelClass} htmlFor="p-hosts">{t("imageHosts")}</label>
        <textarea className={`${inputClass} font-mono`} id="p-hosts" name="imageHosts" rows={2} placeholder="images.example.org" defaultValue={defaults.imageHosts.join("\n")} />
        {hostsError}
      </div>
    </fieldset>
  );
}
