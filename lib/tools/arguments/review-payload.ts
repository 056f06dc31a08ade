import type { ArgumentAnnotation, LabelSet } from "@/lib/formats/argument-types";
import type { ProjectSettings } from "@/lib/projects/settings";
import { argumentsEnabled, labelSetOf } from "./label-set";
import { argumentTargetsOf, type ArgumentTargetKey } from "./targets";

export type ArgumentReviewTarget = { key: ArgumentTargetKey; text: string; responseId?: string; field: string };

export type ArgumentReview = {
  /** Empty when the review does not annotate arguments. */
  targets: ArgumentReviewTarget[];
  labelSet: LabelSet;
  /**
   * Spans imported with the item (brat, CasiMedicos-Arg, Item.reference.arguments), by target: a
   * reviewer who has not annotated a text yet starts from these and corrects them (decision 013).
   */
  preAnnotations: Record<ArgumentTargetKey, ArgumentAnnotation>;
};

/** Imported argument annotations stored with the item, by target key (Item.reference.arguments). */
export function importedArgumentsOf(reference: unknown): Record<ArgumentTargetKey, ArgumentAnnotation> {
  const raw = reference && typeof reference === "object" ? (reference as { arguments?: unknown }).arguments : undefined;
  return raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, ArgumentAnnotation>) : {};
}

/**
 * The argument tool's part of the review payload: the raw texts of the item and of the responses (in
 * the reviewer's screen order, keyed by Response.id so that blinding holds), the project's label set and
 * the imported pre-annotations. The reference explanation is sent only when the tool is on, since it is
 * then a text to annotate.
 */
export function argumentsForReview(
  item: { kind: string; input: unknown; reference: unknown },
  responses: ReadonlyArray<{ id: string; content: string; reasoning: string | null }>,
  templateTools: readonly string[],
  settings: ProjectSettings,
): ArgumentReview {
  if (!argumentsEnabled(templateTools, settings)) return { targets: [], labelSet: labelSetOf(settings), preAnnotations: {} };
  const targets = argumentTargetsOf(item, responses).map(({ key, text, responseId, field }) => ({ key, text, field, ...(responseId ? { responseId } : {}) }));
  const keys = new Set(targets.map((t) => t.key));
  const preAnnotations = Object.fromEntries(Object.entries(importedArgumentsOf(item.reference)).filter(([key]) => keys.has(key)));
  return { targets, labelSet: labelSetOf(settings), preAnnotations };
}
