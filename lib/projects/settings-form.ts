import { z } from "zod";
import { regionLabelsFromText } from "@/lib/tools/regions/labels";
import { imageHostsSchema, projectSettingsSchema, SUGGESTION_REVEALS, type ProjectSettings } from "./settings";

// The review options as an HTML form posts them (unchecked checkboxes are absent, hosts are one
// text area), shared by the new-project and edit-settings actions.
export const checkbox = z.string().optional().transform((v) => v === "on" || v === "true");

export const settingsFormFields = {
  revealMcqAnswer: checkbox,
  pairwiseStrength: checkbox,
  askConfidence: checkbox,
  stepsEnabled: checkbox,
  requireStepKind: checkbox,
  argumentsEnabled: checkbox,
  correctionsEnabled: checkbox,
  regionsEnabled: checkbox,
  /** One region label per line, a colour may follow ("Nodule #dc2626"). */
  regionLabels: z.string().max(5_000, { error: "Region labels are at most 5,000 characters." }).default(""),
  dialogueTarget: projectSettingsSchema.shape.dialogueTarget,
  suggestionsJudge: z.string().trim().max(100, { error: "A judge's name is at most 100 characters." }).default(""),
  suggestionsReveal: z.enum(SUGGESTION_REVEALS).default("immediately"),
  compareStepVerdicts: checkbox,
  compareArguments: checkbox,
  disagreementScaleRange: z.preprocess((v) => (v === "" || v === undefined ? 2 : v), z.coerce.number().int().min(1, { error: "The disagreement range is 1 to 20." }).max(20, { error: "The disagreement range is 1 to 20." })),
  // One host per line or comma-separated.
  imageHosts: z
    .string()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(imageHostsSchema),
};

export function settingsFromForm(input: { [K in keyof typeof settingsFormFields]: z.output<(typeof settingsFormFields)[K]> }): ProjectSettings {
  const { revealMcqAnswer, pairwiseStrength, askConfidence, dialogueTarget, imageHosts, stepsEnabled, requireStepKind, argumentsEnabled, correctionsEnabled, disagreementScaleRange, compareStepVerdicts, compareArguments, suggestionsJudge, suggestionsReveal, regionsEnabled, regionLabels } = input;
  // The form does not edit the error taxonomy: updateProjectSettings keeps the stored one.
  return { revealMcqAnswer, pairwiseStrength, askConfidence, dialogueTarget, imageHosts, steps: { enabled: stepsEnabled, requireKind: requireStepKind }, arguments: { enabled: argumentsEnabled }, corrections: { enabled: correctionsEnabled }, regions: { enabled: regionsEnabled, labels: regionLabelsFromText(regionLabels) }, suggestions: { judge: suggestionsJudge, reveal: suggestionsReveal }, adjudication: { scaleRange: disagreementScaleRange, steps: compareStepVerdicts, arguments: compareArguments } };
}
