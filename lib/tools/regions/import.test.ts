import { describe, expect, it } from "vitest";
import { itemImportSchema } from "@/lib/items/schema";

// The import side of regions (issue 13): a model's localizations on a vqa item's images, and the
// images' pixel spacing; mistakes are reported by field in plain words.

function issues(value: unknown) {
  const parsed = itemImportSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
}
const vqa = (responses: unknown[], images: unknown[] = [{ src: "a.png" }]) => ({ kind: "vqa", externalId: "v", question: "Where?", images, responses });

describe("importing regions", () => {
  it("accepts boxes, polygons and points with labels and scores, and spacing as a number or [row, column]", () => {
    const line = vqa([{ modelName: "m", content: "Here.", regions: [{ label: "nodule", box: [1, 2, 30, 40], score: 0.8 }, { image: 1, polygon: [[0, 0], [5, 0], [0, 5]] }, { point: [3, 3] }] }], [{ src: "a.png", spacing: 0.7 }, { src: "b.png", spacing: [0.5, 0.6] }]);
    const parsed = itemImportSchema.parse(line) as { images: Array<{ spacing: number[] }>; responses: Array<{ regions: Array<{ image: number }> }> };
    expect(parsed.images.map((i) => i.spacing)).toEqual([[0.7, 0.7], [0.5, 0.6]]);
    expect(parsed.responses[0]!.regions.map((r) => r.image)).toEqual([0, 1, 0]);
  });

  it("refuses a region with no shape or two, on an image the item lacks, or on an item without images", () => {
    expect(issues(vqa([{ modelName: "m", content: "x", regions: [{ label: "a" }, { box: [0, 0, 1, 1], point: [1, 1] }, { image: 3, point: [1, 1] }] }]))).toEqual([
      { field: "responses.0.regions.0", message: "a region needs a box [x, y, width, height], a polygon [[x, y], …] or a point [x, y]." },
      { field: "responses.0.regions.1", message: "give one of box, polygon and point, not box and point." },
      { field: "responses.0.regions.2.image", message: "the item has 1 image; image 3 does not exist (images count from 0)." },
    ]);
    expect(issues({ kind: "qa", externalId: "q", question: "Q?", responses: [{ modelName: "m", content: "x", regions: [{ point: [1, 1] }] }] })).toEqual([
      { field: "responses.0.regions", message: "regions mark places on an item's images; a qa item has none (use a vqa item)." },
    ]);
    expect(issues(vqa([{ modelName: "m", content: "x", regions: [{ box: [0, 0, 0, 5] }] }]))[0]?.field).toBe("responses.0.regions.0.box.2");
    expect(issues(vqa([{ modelName: "m", content: "x" }], [{ src: "a.png", spacing: -1 }]))[0]?.field).toBe("images.0.spacing");
  });
});
