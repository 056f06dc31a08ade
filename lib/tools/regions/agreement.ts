import { iou, pointDistance, pointInside, type Geometry } from "./iou";

// Agreement between two sets of regions on the same item (issue 13), as detection benchmarks
// count it: regions are matched one to one, best overlap first — boxes and polygons when their IoU
// reaches the threshold (0.5, PASCAL VOC's), points when they lie within a radius (2 % of the image
// diagonal, at least 10 pixels) — only on the same image and, when both carry labels, the same
// label. F1 = 2 × matched / (regions of one + regions of the other); measurements (lines) are not
// regions and are left out. Each matched pair's IoU is kept for the mean.

export type Mark = Geometry & { image: number; label: string | null; size?: readonly [number, number] };
export type Matching = { matched: Array<{ a: number; b: number; iou: number | null }>; countA: number; countB: number; f1: number | null };

export const IOU_THRESHOLD = 0.5;

export function pointRadius(size?: readonly [number, number]): number {
  return size ? Math.max(10, 0.02 * Math.hypot(size[0], size[1])) : 10;
}

const comparable = (m: Mark) => m.kind !== "line";

/** One-to-one matching of two reviewers' (or a model's and a reviewer's) regions. */
export function matchMarks(a: readonly Mark[], b: readonly Mark[], opts: { threshold?: number; ignoreLabels?: boolean } = {}): Matching {
  const threshold = opts.threshold ?? IOU_THRESHOLD;
  const candidates: Array<{ a: number; b: number; score: number; iou: number | null }> = [];
  a.forEach((x, i) => {
    if (!comparable(x)) return;
    b.forEach((y, j) => {
      if (!comparable(y) || x.image !== y.image) return;
      if (!opts.ignoreLabels && x.label && y.label && x.label !== y.label) return;
      const overlap = iou(x, y);
      if (overlap !== null) {
        if (overlap >= threshold) candidates.push({ a: i, b: j, score: overlap, iou: overlap });
        return;
      }
      const d = pointDistance(x, y);
      const radius = pointRadius(x.size ?? y.size);
      if (d !== null && d <= radius) candidates.push({ a: i, b: j, score: 1 - d / radius, iou: null });
    });
  });
  candidates.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const matched: Matching["matched"] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    matched.push({ a: c.a, b: c.b, iou: c.iou });
  }
  const countA = a.filter(comparable).length;
  const countB = b.filter(comparable).length;
  return { matched, countA, countB, f1: countA + countB ? (2 * matched.length) / (countA + countB) : null };
}

/**
 * The best IoU of `mark` against any of `others` on the same image (labels ignored); a point scores
 * 1 inside an outline or near another point, else 0. Null when nothing is comparable.
 */
export function bestOverlap(mark: Mark, others: readonly Mark[]): number | null {
  let best: number | null = null;
  for (const o of others) {
    if (o.image !== mark.image) continue;
    const v = iou(mark, o);
    if (v !== null) best = Math.max(best ?? 0, v);
    else {
      // A point counts as a hit inside the other's outline or within the radius of the other's point.
      const d = pointDistance(mark, o);
      const inside = pointInside(mark, o);
      if (d !== null) best = Math.max(best ?? 0, d <= pointRadius(o.size) ? 1 : 0);
      else if (inside !== null) best = Math.max(best ?? 0, inside ? 1 : 0);
    }
  }
  return best;
}
