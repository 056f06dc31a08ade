import { healthbenchCriteria } from "./healthbench";
import { medPalmLongForm } from "./med-palm";
import { medPalm2Pairwise } from "./med-palm-2";
import { medecNoteReview } from "./medec";
import { medvalSafety } from "./medval";
import { reasoningQuality } from "./reasoning-quality";
import type { RubricTemplate } from "./types";

export type { RubricTemplate, AxisTemplate, AxisOption } from "./types";

export const RUBRIC_TEMPLATES: readonly RubricTemplate[] = [
  medPalmLongForm,
  medPalm2Pairwise,
  medvalSafety,
  reasoningQuality,
  healthbenchCriteria,
  medecNoteReview,
];

export const TEMPLATE_KEYS = RUBRIC_TEMPLATES.map((t) => t.key) as [string, ...string[]];

export function findTemplate(key: string): RubricTemplate | undefined {
  return RUBRIC_TEMPLATES.find((t) => t.key === key);
}
