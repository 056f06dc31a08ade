import type { ProjectSettings } from "@/lib/projects/settings";
import { inputClass, labelClass } from "@/components/ui/styles";

/** The project's review options as form fields; the new-project and edit forms share them. */
export function ReviewOptionsFields({ defaults, hostsError }: { defaults: ProjectSettings; hostsError?: React.ReactNode }) {
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">Review options</legend>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="askConfidence" defaultChecked={defaults.askConfidence} /> Ask reviewers for their confidence (1–5) per response</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="pairwiseStrength" defaultChecked={defaults.pairwiseStrength} /> Pairwise axes also ask how strong the preference is</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="revealMcqAnswer" defaultChecked={defaults.revealMcqAnswer} /> Multiple choice: show reviewers the correct option</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="stepsEnabled" defaultChecked={defaults.steps.enabled} /> Label each reasoning step (verdict, error types, severity); always on with the reasoning-steps template</label>
      <label className="flex items-center gap-2 ps-6 text-sm"><input type="checkbox" name="requireStepKind" defaultChecked={defaults.steps.requireKind} /> Also ask each step&apos;s kind (reasoning, citation, repetition, redundancy; MedR-Bench)</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="argumentsEnabled" defaultChecked={defaults.arguments?.enabled ?? false} /> Annotate argument structure (claims, premises and their relations) in the item&apos;s texts; always on with the argument-structure template</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="correctionsEnabled" defaultChecked={defaults.corrections?.enabled ?? false} /> Let reviewers write a corrected answer for each response (exported as fine-tuning records and preference pairs)</label>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="p-suggest-judge">Suggestions: pre-fill ratings with the values of judge</label>
        <input id="p-suggest-judge" name="suggestionsJudge" className="w-48 max-w-full rounded border border-slate-300 px-2 py-1" defaultValue={defaults.suggestions?.judge ?? ""} placeholder="none" aria-describedby="p-suggest-help" />
        <label htmlFor="p-suggest-reveal">shown</label>
        <select id="p-suggest-reveal" name="suggestionsReveal" className="max-w-full rounded border border-slate-300 px-2 py-1" defaultValue={defaults.suggestions?.reveal ?? "immediately"}>
          <option value="immediately">at once, pre-filled</option>
          <option value="after_rating">after the reviewer&apos;s own answers</option>
        </select>
        <p id="p-suggest-help" className="w-full ps-6 text-xs text-slate-600">The judge&apos;s name as imported with its results (empty: no suggestions). Reviewers see &ldquo;suggested&rdquo;, never the judge&apos;s name in a blinded project.</p>
      </div>
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor="p-dialogue">Dialogue items: reviewers rate</label>
        <select id="p-dialogue" name="dialogueTarget" className="rounded border border-slate-300 px-2 py-1" defaultValue={defaults.dialogueTarget}>
          <option value="final_turn">the final AI turn</option>
          <option value="whole_dialogue">the whole dialogue</option>
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="p-disagree">Adjudication: a scale axis disagrees when its ratings span</label>
        <input id="p-disagree" name="disagreementScaleRange" type="number" min={1} max={20} className="w-16 rounded border border-slate-300 px-2 py-1" defaultValue={defaults.adjudication?.scaleRange ?? 2} />
        <span>points or more (other axes: any two different answers)</span>
      </div>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2"><input type="checkbox" name="compareStepVerdicts" defaultChecked={defaults.adjudication?.steps ?? true} /> Different step verdicts (same segmentation) disagree</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="compareArguments" defaultChecked={defaults.adjudication?.arguments ?? true} /> Different argument spans or relations disagree</label>
      </div>
      <div>
        <label className={labelClass} htmlFor="p-hosts">Image hosts allowed for vqa items (one per line; images from anywhere else are refused)</label>
        <textarea className={`${inputClass} font-mono`} id="p-hosts" name="imageHosts" rows={2} placeholder="images.example.org" defaultValue={defaults.imageHosts.join("\n")} />
        {hostsError}
      </div>
    </fieldset>
  );
}
