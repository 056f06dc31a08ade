import { describe, expect, it } from "vitest";
import { matchMarks, type Mark } from "./agreement";
import { iou, pointInside } from "./iou";
import { areaOf, lengthOf } from "./shapes";

const box = (x0: number, y0: number, x1: number, y1: number) => ({ kind: "box" as const, points: [[x0, y0], [x1, y1]] as [number, number][] });
const poly = (...points: [number, number][]) => ({ kind: "polygon" as const, points });

describe("region geometry", () => {
  it("measures areas and lengths, in mm with anisotropic spacing", () => {
    expect(areaOf("box", [[10, 10], [0, 0]])).toBe(100);
    expect(areaOf("polygon", [[0, 0], [4, 0], [4, 3]])).toBe(6);
    expect(lengthOf([[0, 0], [3, 4]])).toEqual({ px: 5, mm: null });
    expect(lengthOf([[0, 0], [10, 0]], [2, 0.5]).mm).toBe(5);
    expect(lengthOf([[0, 0], [0, 10]], [2, 0.5]).mm).toBe(20);
  });

  it("computes IoU for boxes by arithmetic and for polygons by clipping", () => {
    expect(iou(box(0, 0, 10, 10), box(5, 0, 15, 10))).toBeCloseTo(1 / 3, 10);
    expect(iou(box(0, 0, 10, 10), box(20, 20, 30, 30))).toBe(0);
    // The lower-left half of the square against the square: 50 / 100.
    expect(iou(poly([0, 0], [10, 0], [0, 10]), box(0, 0, 10, 10))).toBeCloseTo(0.5, 10);
    // Two triangles forming the square do not overlap.
    expect(iou(poly([0, 0], [10, 0], [0, 10]), poly([10, 0], [10, 10], [0, 10]))).toBeCloseTo(0, 10);
    // A bow-tie (self-intersecting outline) still gives a number between 0 and 1.
    const v = iou(poly([0, 0], [10, 10], [10, 0], [0, 10]), box(0, 0, 10, 10))!;
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThanOrEqual(1);
    expect(iou({ kind: "point", points: [[1, 1]] }, box(0, 0, 10, 10))).toBeNull();
  });

  it("tells whether a point lies inside an outline", () => {
    expect(pointInside({ kind: "point", points: [[2, 2]] }, poly([0, 0], [10, 0], [0, 10]))).toBe(true);
    expect(pointInside({ kind: "point", points: [[8, 8]] }, poly([0, 0], [10, 0], [0, 10]))).toBe(false);
    expect(pointInside(box(0, 0, 1, 1), box(0, 0, 1, 1))).toBeNull();
  });

  it("matches regions one to one, best overlap first, per image and label, and leaves measurements out", () => {
    const m = (g: ReturnType<typeof box> | ReturnType<typeof poly>, label: string | null = "a", image = 0): Mark => ({ ...g, image, label });
    const a = [m(box(0, 0, 10, 10)), m(box(0, 0, 10, 11)), m(box(50, 50, 60, 60), "b"), { image: 0, kind: "line" as const, points: [[0, 0], [5, 5]] as [number, number][], label: null }];
    const b = [m(box(0, 0, 10, 10)), m(box(50, 50, 60, 60), "c"), m(box(0, 0, 10, 10), "a", 1)];
    const r = matchMarks(a, b);
    // The exact box pairs with the exact box (IoU 1), not the near one; different labels and images never pair.
    expect(r.matched).toEqual([{ a: 0, b: 0, iou: 1 }]);
    expect([r.countA, r.countB, r.f1]).toEqual([3, 3, 2 / 6]);
    expect(matchMarks(a, b, { ignoreLabels: true }).matched).toHaveLength(2);
    expect(matchMarks([], []).f1).toBeNull();
  });
});
