import { LABEL_PALETTE } from "@/lib/formats/argument-types";

// The project's region labels as the rest of the app reads them (zod-free: the review page and the
// settings form use it). settings.regions = { enabled, labels: [{ key, name, color }] }; keys 1–9
// pick the first nine labels while drawing.

export type RegionLabel = { key: string; name: string; color: string };
export type RegionSettings = { enabled: boolean; labels: RegionLabel[] };

export const NO_REGIONS: RegionSettings = { enabled: false, labels: [] };

/** A label's key from its name: lower case, letters, digits and dashes ("Pleural effusion" → "pleural-effusion"). */
export function regionLabelKey(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);
}

/**
 * Labels from the settings form's text: one per line, a colour may follow ("Nodule #dc2626"). Names
 * that give no key, and repeated keys, are dropped; colours default to the palette in order.
 */
export function regionLabelsFromText(text: string): RegionLabel[] {
  const labels: RegionLabel[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(.*?)(?:\s+(#[0-9a-fA-F]{6}))?\s*$/.exec(line.trim());
    const name = (m?.[1] ?? "").trim().slice(0, 64);
    const key = regionLabelKey(name);
    if (!key || labels.some((l) => l.key === key)) continue;
    labels.push({ key, name, color: (m?.[2] ?? LABEL_PALETTE[labels.length % LABEL_PALETTE.length]!).toLowerCase() });
  }
  return labels.slice(0, 50);
}

/** The form's text for stored labels (the inverse of regionLabelsFromText). */
export function regionLabelsText(labels: readonly RegionLabel[]): string {
  return labels.map((l) => `${l.name} ${l.color}`).join("\n");
}
