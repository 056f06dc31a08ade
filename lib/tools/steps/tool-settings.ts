import type { ProjectSettings } from "@/lib/projects/settings";
import { DEFAULT_ERROR_TYPES, type ErrorType } from "./taxonomy";

/** Whether a review labels reasoning steps: the template names the tool, or the project switched it on. */
export function stepsEnabled(templateTools: readonly string[], settings: Pick<ProjectSettings, "steps">): boolean {
  return templateTools.includes("steps") || settings.steps.enabled;
}

/** The project's error types for steps (its own taxonomy, or the default). */
export function errorTypesOf(settings: Pick<ProjectSettings, "steps">): readonly ErrorType[] {
  return settings.steps.taxonomy ?? DEFAULT_ERROR_TYPES;
}
