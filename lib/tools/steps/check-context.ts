import { getDb } from "@/lib/db/client";
import type { ProjectSettings } from "@/lib/projects/settings";
import type { StepsCheckContext } from "../types";
import { ensureSegmentations } from "./segmentations";
import { errorTypesOf, stepsEnabled } from "./tool-settings";

/**
 * What a save's step labels are checked against: every segmentation version of the assignment's
 * responses (labels name theirs), the project's error types, whether labels are required. Loaded only
 * when the review labels steps or the document carries step labels (one query; creates version 1 for
 * responses never segmented, e.g. when an API client saves before any page was rendered).
 */
export async function stepsCheckContext(
  responseIds: string[],
  opts: { templateTools: readonly string[]; settings: ProjectSettings; documentHasSteps: boolean },
): Promise<StepsCheckContext | undefined> {
  const enabled = stepsEnabled(opts.templateTools, opts.settings);
  if (!enabled && !opts.documentHasSteps) return undefined;
  const db = getDb();
  const responses = await db.response.findMany({ where: { id: { in: responseIds } }, select: { id: true, content: true, reasoning: true, steps: true } });
  await ensureSegmentations(responses);
  const rows = await db.stepSegmentation.findMany({ where: { responseId: { in: responseIds } }, select: { responseId: true, version: true, steps: true } });
  const segmentations: StepsCheckContext["segmentations"] = {};
  for (const row of rows) {
    const s = (segmentations[row.responseId] ??= { latest: 0, counts: {} });
    s.counts[row.version] = Array.isArray(row.steps) ? row.steps.length : 0;
    s.latest = Math.max(s.latest, row.version);
  }
  return { enabled, segmentations, taxonomyKeys: errorTypesOf(opts.settings).map((t) => t.key), requireKind: opts.settings.steps.requireKind };
}
