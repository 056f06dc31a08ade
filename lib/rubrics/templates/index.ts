import { medPalmLongForm } from "./med-palm";
import type { RubricTemplate } from "./types";

export type { RubricTemplate, AxisTemplate, AxisOption } from "./types";

export const RUBRIC_TEMPLATES: readonly RubricTemplate[] = [medPalmLongForm];

export const TEMPLATE_KEYS = RUBRIC_TEMPLATES.map((t) => t.key) as [string, ...string[]];

export function findTemplate(key: string): RubricTemplate | undefined {
  return RUBRIC_TEMPLATES.find((t) => t.key === key);
}
