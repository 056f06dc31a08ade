import polygonClipping, { type MultiPolygon } from "polygon-clipping";
import { areaOf, bboxOf, outlineOf, type Pt, type ShapeKind } from "./shapes";

// Overlap of two regions (issue 13): intersection over union for boxes and polygons — boxes exactly
// by arithmetic, polygons through polygon-clipping (Martinez–Rueda; self-intersecting outlines
// included) — and, for points, whether they fall within a radius of each other. Server-side only.

export type Geometry = { kind: ShapeKind; points: Pt[] };

const hasArea = (g: Geometry) => g.kind === "box" || g.kind === "polygon";

function multiArea(m: MultiPolygon): number {
  let total = 0;
  for (const polygon of m) polygon.forEach((ring, i) => (total += (i === 0 ? 1 : -1) * areaOf("polygon", ring)));
  return total;
}

/** IoU of two boxes or polygons (0 when either has no area); null for points and lines. */
export function iou(a: Geometry, b: Geometry): number | null {
  if (!hasArea(a) || !hasArea(b)) return null;
  if (a.kind === "box" && b.kind === "box") {
    const [ax, ay, aw, ah] = bboxOf(a.points);
    const [bx, by, bw, bh] = bboxOf(b.points);
    const w = Math.max(0, Math.min(ax + aw, bx + bw) - Math.max(ax, bx));
    const h = Math.max(0, Math.min(ay + ah, by + bh) - Math.max(ay, by));
    const union = aw * ah + bw * bh - w * h;
    return union > 0 ? (w * h) / union : 0;
  }
  const ra = outlineOf(a.kind, a.points);
  const rb = outlineOf(b.kind, b.points);
  // Cheap reject: boxes around them do not touch.
  const [ax, ay, aw, ah] = bboxOf(ra);
  const [bx, by, bw, bh] = bboxOf(rb);
  if (ax > bx + bw || bx > ax + aw || ay > by + bh || by > ay + ah) return 0;
  try {
    const inter = multiArea(polygonClipping.intersection([ra], [rb]));
    const union = multiArea(polygonClipping.union([ra], [rb]));
    return union > 0 ? inter / union : 0;
  } catch {
    // A degenerate outline the library refuses: fall back to the boxes around both.
    return iou({ kind: "box", points: [[ax, ay], [ax + aw, ay + ah]] }, { kind: "box", points: [[bx, by], [bx + bw, by + bh]] });
  }
}

/** Distance between two points, or null unless both are points. */
export function pointDistance(a: Geometry, b: Geometry): number | null {
  if (a.kind !== "point" || b.kind !== "point" || !a.points[0] || !b.points[0]) return null;
  return Math.hypot(a.points[0][0] - b.points[0][0], a.points[0][1] - b.points[0][1]);
}

/** Whether a point lies inside a box or polygon (ray casting); null unless one is a point and the other has an area. */
export function pointInside(a: Geometry, b: Geometry): boolean | null {
  const [p, area] = a.kind === "point" && hasArea(b) ? [a.points[0], b] : b.kind === "point" && hasArea(a) ? [b.points[0], a] : [undefined, undefined];
  if (!p || !area) return null;
  const ring = outlineOf(area.kind, area.points);
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
