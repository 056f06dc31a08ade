// Regions on images (issue 13): what a reviewer draws on an item's images, and what a model's own
// localizations look like. Zod-free and dependency-free: the review page draws with it, the server
// checks and exports with it. Coordinates are the image's own pixels (x right, y down, from the
// top-left corner), so a region means the same at any zoom and in any export.

export const SHAPE_KINDS = ["box", "point", "polygon", "line"] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

/** A model's localization as the reviewer judges it. */
export const MODEL_VERDICTS = ["correct", "partly", "incorrect"] as const;
export type ModelVerdict = (typeof MODEL_VERDICTS)[number];

export type Pt = [number, number];

/**
 * One region the reviewer drew. A box is two opposite corners (any two: it is normalized when
 * measured), a point one point, a line (a distance measurement) its two ends, a polygon its vertices.
 * `link`: the response sentence that speaks of this region ("the model says the lesion is here").
 */
export type RegionShape = {
  id: string;
  image: number;
  kind: ShapeKind;
  points: Pt[];
  label?: string;
  link?: { responseId: string; sentence: number };
  note?: string;
};

/** A model's own localization, as imported on its response (COCO-style box: x, y, width, height). */
export type ModelRegion = { image: number; label?: string; box?: [number, number, number, number]; polygon?: Pt[]; point?: Pt; score?: number };

/** Pixel spacing in millimetres: [row (y), column (x)], as DICOM's PixelSpacing orders them. */
export type Spacing = [number, number];

/** How many points each kind has (a polygon: at least 3). */
export function pointsFit(kind: ShapeKind, count: number): boolean {
  return kind === "polygon" ? count >= 3 : count === (kind === "point" ? 1 : 2);
}

/** [x, y, width, height] around the points. */
export function bboxOf(points: readonly Pt[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return points.length ? [x0, y0, x1 - x0, y1 - y0] : [0, 0, 0, 0];
}

/** The outline of a box or polygon as a ring of vertices (a box's four corners, clockwise on screen). */
export function outlineOf(kind: ShapeKind, points: readonly Pt[]): Pt[] {
  if (kind === "box") {
    const [x, y, w, h] = bboxOf(points);
    return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
  }
  return kind === "polygon" ? points.map((p) => [p[0], p[1]] as Pt) : [];
}

/** The area enclosed (shoelace), in square pixels; 0 for points and lines. */
export function areaOf(kind: ShapeKind, points: readonly Pt[]): number {
  const ring = outlineOf(kind, points);
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

/** A line's length in pixels, and in millimetres when the image gives its pixel spacing. */
export function lengthOf(points: readonly Pt[], spacing?: Spacing): { px: number; mm: number | null } {
  const [a, b] = points;
  if (!a || !b) return { px: 0, mm: null };
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  return { px: Math.hypot(dx, dy), mm: spacing ? Math.hypot(dx * spacing[1], dy * spacing[0]) : null };
}

/** A model region as a shape's kind and points (a box as two corners). */
export function modelShape(m: ModelRegion): { kind: ShapeKind; points: Pt[] } {
  if (m.box) {
    const [x, y, w, h] = m.box;
    return { kind: "box", points: [[x, y], [x + w, y + h]] };
  }
  if (m.polygon) return { kind: "polygon", points: m.polygon };
  return { kind: "point", points: m.point ? [m.point] : [] };
}

/** Rounded for storage and export: a tenth of a pixel is finer than any reviewer's hand. */
export const roundCoord = (v: number) => Math.round(v * 10) / 10;

/** A shape moved by (dx, dy), kept inside the image when its size is known. */
export function moveShape(points: readonly Pt[], dx: number, dy: number, size?: readonly [number, number]): Pt[] {
  let mx = dx, my = dy;
  if (size) {
    const [x, y, w, h] = bboxOf(points);
    mx = Math.min(size[0] - (x + w), Math.max(-x, dx));
    my = Math.min(size[1] - (y + h), Math.max(-y, dy));
  }
  return points.map(([x, y]) => [roundCoord(x + mx), roundCoord(y + my)]);
}

/** A point kept inside the image. */
export function clampPoint([x, y]: Pt, size?: readonly [number, number]): Pt {
  if (!size) return [roundCoord(Math.max(0, x)), roundCoord(Math.max(0, y))];
  return [roundCoord(Math.min(size[0], Math.max(0, x))), roundCoord(Math.min(size[1], Math.max(0, y)))];
}
