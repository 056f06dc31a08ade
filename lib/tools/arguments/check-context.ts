import { getDb } from "@/lib/db/client";
import type { ProjectSettings } from "@/lib/projects/settings";
import { screenLabel } from "../ratings/axis-values";
import type { ArgumentsCheckContext } from "../types";
import { argumentsEnabled, labelSetOf } from "./label-set";
import { argumentTargetsOf } from "./targets";

/**
 * What a save's argument spans are checked against: the stored texts of the assignment's item and
 * responses under their target keys, and the project's label set. Loaded only when the review
 * annotates arguments or the document carries spans (one query for the responses' texts).
 */
export async function argumentsCheckContext(
  assignment: { responseOrder: string[]; item: { kind: string; input: unknown; reference: unknown } },
  opts: { templateTools: readonly string[]; settings: ProjectSettings; documentHasArguments: boolean },
): Promise<ArgumentsCheckContext | undefined> {
  const enabled = argumentsEnabled(opts.templateTools, opts.settings);
  if (!enabled && !opts.documentHasArguments) return undefined;
  const rows = await getDb().response.findMany({ where: { id: { in: assignment.responseOrder } }, select: { id: true, content: true, reasoning: true } });
  // Only an enabled review may annotate; otherwise every target is unknown (and refused).
  const targets = enabled ? argumentTargetsOf(assignment.item, rows) : [];
  return {
    enabled,
    texts: Object.fromEntries(targets.map((t) => [t.key, t.text])),
    labelSet: labelSetOf(opts.settings),
    responseLabels: Object.fromEntries(assignment.responseOrder.map((id, i) => [id, screenLabel(i)])),
  };
}
