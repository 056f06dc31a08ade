import type { RegionSettings } from "./labels";
import { imagesOf, modelRegionsOf, regionsOn } from "./check-context";
import { linkSentences } from "./sentences";
import type { ModelRegion, Spacing } from "./shapes";

/**
 * What the review page's regions tool needs besides the item's images: the project's labels, each
 * image's pixel spacing (measurements in mm), and per response (in the reviewer's order, by id) the
 * sentences a region can be linked to and the model's own localizations. Null when the review marks
 * no regions. Blinded as the rest of the payload: nothing here names a model.
 */
export type RegionReview = {
  labels: RegionSettings["labels"];
  spacing: Array<Spacing | null>;
  responses: Array<{ id: string; sentences: string[]; modelRegions: ModelRegion[] }>;
};

type Item = { kind: string; input: unknown; responses: Array<{ id: string; answer: unknown; content: string }> };

export function regionReviewFor(item: Item, responseOrder: readonly string[], settings: RegionSettings | undefined): RegionReview | null {
  if (!regionsOn(item, settings)) return null;
  const byId = new Map(item.responses.map((r) => [r.id, r]));
  return {
    labels: settings?.labels ?? [],
    spacing: imagesOf(item).map((i) => (i.spacing as Spacing | undefined) ?? null),
    responses: responseOrder.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ id, sentences: linkSentences(r.content), modelRegions: modelRegionsOf(r.answer) as ModelRegion[] }] : [];
    }),
  };
}
