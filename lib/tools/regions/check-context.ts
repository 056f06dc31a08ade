import { responseAnswerSchema, vqaInputSchema } from "@/lib/items/schema";
import { linkSentences } from "./sentences";
import type { RegionsCheckContext } from "../types";
import type { RegionSettings } from "./labels";

type ItemForRegions = { kind: string; input: unknown; responses: Array<{ id: string; answer: unknown; content?: string | null }> };

/** The item's images (vqa), or none. */
export function imagesOf(item: Pick<ItemForRegions, "kind" | "input">) {
  return item.kind.toUpperCase() === "VQA" ? (vqaInputSchema.safeParse(item.input).data?.images ?? []) : [];
}

/** The model's localizations of one response (Response.answer.regions), or none. */
export function modelRegionsOf(answer: unknown) {
  return responseAnswerSchema.safeParse(answer ?? {}).data?.regions ?? [];
}

/**
 * Whether an item's review marks regions: it has images, and the project asks for regions or a
 * response brings localizations to judge.
 */
export function regionsOn(item: ItemForRegions, settings: RegionSettings | undefined): boolean {
  if (!imagesOf(item).length) return false;
  return Boolean(settings?.enabled) || item.responses.some((r) => modelRegionsOf(r.answer).length > 0);
}

/** What the server checks a regions block against. */
export function regionsCheckContext(item: ItemForRegions, settings: RegionSettings | undefined): RegionsCheckContext {
  return {
    enabled: regionsOn(item, settings),
    imageCount: imagesOf(item).length,
    labels: (settings?.labels ?? []).map((l) => l.key),
    sentences: Object.fromEntries(item.responses.map((r) => [r.id, linkSentences(r.content).length])),
    modelRegions: Object.fromEntries(item.responses.map((r) => [r.id, modelRegionsOf(r.answer).length])),
  };
}
