import type { RubricDocument } from "@/lib/rubrics/rubric-document";
import { DEMO_SLICES } from "@/lib/seed/demo-image";
import type { RegionShape } from "@/lib/tools/regions/shapes";
import { FICTIONAL, SOURCE, type VqaItem } from "./types";

// Regions on images (issue 13): where a finding is, not only whether. Two fictional vision models
// answer with text and their own localizations (boxes, a polygon); reviewers draw where the finding
// really is, measure it (the images carry pixel spacing, so lengths are in millimetres), link each
// region to the sentence that speaks of it, and mark every localization correct, partly or incorrect.
// The pictures are synthetic (lib/seed/demo-image.ts): the opacity sits in the image-left lower lung
// of cxr-2 and the nodule in the right lung of the middle CT slices, where the drawings put them.

export const REGIONS_GUIDELINES = `Mark **where** each finding is, then judge the models.

1. Draw each finding you see as a box (B), a point (P) or an outline (G) with its label (1–9), and measure a nodule's diameter with the ruler (M).
2. Link each region to the sentence of a response that speaks of it, where one does.
3. Mark every region a model drew as correct, partly (right finding, wrong extent) or incorrect.
4. Rate each answer.

${FICTIONAL}`;

export const REGION_LABELS = "Opacity #dc2626\nNodule #7c3aed\nEffusion #0891b2\nPneumothorax #d97706";

export const REGIONS_RUBRIC: RubricDocument = {
  format: "consilium-rubric/1",
  name: "Findings located (demo)",
  template: null,
  axes: [
    { key: "finding_correct", label: "Finding correct", help: "Does the answer name the right finding (or rightly say there is none)?", type: "BOOLEAN", appliesTo: "RESPONSE", required: true, options: [], best: true,
      polarity: "HIGHER_IS_BETTER", allowsNotApplicable: false },
    { key: "localization", label: "Location stated", help: "Is the location the answer gives right?", type: "CHOICE", appliesTo: "RESPONSE", required: true,
      options: [{ value: "right", label: "Right" }, { value: "partly", label: "Partly" }, { value: "wrong", label: "Wrong" }], best: "right", polarity: "HIGHER_IS_BETTER", allowsNotApplicable: true },
  ],
};

const IMAGE_SPACING = 1.4; // mm per pixel: 256 px across a 36 cm film
const CT_SPACING = 0.8;

export function regionsShowcaseItems(): VqaItem[] {
  return [
    {
      kind: "vqa", externalId: "loc-cxr-1", specialty: "Radiology", metadata: SOURCE,
      question: "Is there a focal opacity on this frontal chest radiograph? If so, where?",
      images: [{ src: "demo/cxr-2.png", modality: "X-ray", view: "PA", caption: "Frontal chest radiograph (synthetic)", spacing: IMAGE_SPACING }],
      responses: [
        { modelName: "locus-vl-7b", content: "There is a focal opacity in the right lower zone. The heart size is normal.", regions: [{ image: 0, label: "opacity", box: [50, 140, 45, 48], score: 0.88 }] },
        { modelName: "scout-rad-2", content: "There is an opacity in the left upper zone. No pleural effusion.", regions: [{ image: 0, label: "opacity", box: [168, 70, 40, 40], score: 0.71 }] },
      ],
    },
    {
      kind: "vqa", externalId: "loc-ct-1", specialty: "Radiology", metadata: SOURCE,
      question: "Locate the pulmonary nodule in this chest CT and give its size.",
      images: Array.from({ length: DEMO_SLICES }, (_, i) => ({ src: `demo/ct-${String(i + 1).padStart(2, "0")}.png`, modality: "CT", view: `Axial ${i + 1}`, spacing: CT_SPACING })),
      layout: "stack",
      responses: [
        { modelName: "locus-vl-7b", content: "A solid nodule of about 14 mm in the right upper lobe, best seen on slices 6 and 7. No other nodules.", regions: [{ image: 5, label: "nodule", box: [48, 77, 19, 19], score: 0.93 }] },
        { modelName: "scout-rad-2", content: "No pulmonary nodule is seen. The lungs are clear." },
      ],
    },
    {
      kind: "vqa", externalId: "loc-cxr-2", specialty: "Radiology", metadata: SOURCE,
      question: "Any abnormality on this radiograph?",
      images: [{ src: "demo/cxr-1.png", modality: "X-ray", view: "PA", caption: "Frontal chest radiograph (synthetic)", spacing: IMAGE_SPACING }],
      responses: [
        { modelName: "locus-vl-7b", content: "No acute abnormality. The lungs are clear." },
        { modelName: "scout-rad-2", content: "Small left pleural effusion. Otherwise clear.", regions: [{ image: 0, label: "effusion", polygon: [[186, 198], [222, 198], [216, 226], [184, 222]], score: 0.55 }] },
      ],
    },
  ];
}

/**
 * What the two demo reviewers who have already reviewed drew, per item: nearly the same opacity
 * box (so agreement has a match), each a nodule box on slice 6 with a measuring line, nothing on the
 * normal film. Keyed by external id; `r` is 0 or 1 (which reviewer).
 */
export function demoRegions(externalId: string, r: 0 | 1): Array<Omit<RegionShape, "id" | "link">> {
  const d = r * 3;
  switch (externalId) {
    case "loc-cxr-1":
      return [{ image: 0, kind: "box", points: [[52 + d, 142], [94 + d, 188 - d]], label: "opacity" }];
    case "loc-ct-1":
      return [
        { image: 5, kind: "box", points: [[49 - d, 77], [66, 95 + d]], label: "nodule" },
        { image: 5, kind: "line", points: [[49, 86], [66 + d, 86]], note: "Axial diameter" },
      ];
    default:
      return [];
  }
}
