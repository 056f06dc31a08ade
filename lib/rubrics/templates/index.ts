import { amieConsultation } from "./amie-consultation";
import { ddxAccuracy } from "./amie-ddx";
import { healthbenchCriteria } from "./healthbench";
import { medPalmLongForm } from "./med-palm";
import { medPalm2Pairwise } from "./med-palm-2";
import { medPalm2Ranking } from "./med-palm-2-ranking";
import { medecNoteReview } from "./medec";
import { medvalSafety } from "./medval";
import { reasoningQuality } from "./reasoning-quality";
import { reasoningSteps } from "./reasoning-steps";
import { argumentStructure } from "./argument-structure";
import type { RubricTemplate } from "./types";

export type { RubricTemplate, AxisTemplate, AxisOption, TemplateTool } from "./types";

export const RUBRIC_TEMPLATES: readonly RubricTemplate[] = [
  medPalmLongForm,
  medPalm2Pairwise,
  medPalm2Ranking,
  medvalSafety,
  reasoningQuality,
  reasoningSteps,
  argumentStructure,
  healthbenchCriteria,
  medecNoteReview,
  ddxAccuracy,
  amieConsultation,
];

export const TEMPLATE_KEYS = RUBRIC_TEMPLATES.map((t) => t.key) as [string, ...string[]];

export function findTemplate(key: string): RubricTemplate | undefined {
  return RUBRIC_TEMPLATES.find((t) => t.key === key);
}

/** Review tools of the template a rubric was created from (none for custom rubrics). */
export function toolsOfTemplate(key: string | null | undefined) {
  return (key ? findTemplate(key)?.tools : undefined) ?? [];
}
