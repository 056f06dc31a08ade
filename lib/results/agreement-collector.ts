import { DEFAULT_NOT_APPLICABLE, type ProfileCount, type ProfileData, type RatingValue } from "@/lib/stats/reliability-data";

// Ratings for agreement, gathered one by one while the annotations stream past and handed over as
// value profiles with unit counts (lib/stats prepareFromProfiles): a study of 100,000 responses has
// a few dozen distinct profiles per axis, so nothing per unit outlives the grouping. Entries are
// kept as integer codes in flat arrays, not as objects, so 2 million ratings cost tens of MB and no
// garbage-collector time (the object version spent most of its 30 s in GC; bench, 100k annotations).
//
// A reviewer who rated the same unit again (a repeat in another batch) is inter-rater data only
// once: the first rating in arrival order counts there (the loader reads annotations in id order),
// and the first two occasions form a pair for intra-rater reliability.

const NA = DEFAULT_NOT_APPLICABLE[0];

type AxisEntries = {
  unit: number[];
  rater: number[];
  value: number[];
  /** Value → code. Map keys compare by SameValueZero, so "1", 1 and true stay distinct without building key strings. */
  codes: Map<RatingValue, number>;
  values: RatingValue[];
};

/**
 * A profile's grouping key: a number for the usual few values of a few categories (no string per
 * unit), else a string. Sorted codes, then (with two raters) who gave which; −1 codes as 0.
 */
function profileKey(codes: readonly number[], first: number, second: number): number | string {
  if (codes.length <= 3 && codes.every((c) => c < 63)) {
    let key = codes.length;
    for (const c of codes) key = key * 64 + c + 1;
    return (key * 64 + first + 1) * 64 + second + 1; // < 2^38: exact in a double
  }
  return `${codes.join(",")}|${first},${second}`;
}

export type AxisProfiles = { inter: ProfileData | null; intra: ProfileData | null };

export class AgreementCollector {
  private readonly axes = new Map<string, AxisEntries>();
  private readonly units = new Map<string, number>();
  private readonly raters = new Map<string, number>();

  /** A unit's code: look it up once per unit and pass it to add() for every axis. */
  unit(id: string): number {
    let u = this.units.get(id);
    if (u === undefined) this.units.set(id, (u = this.units.size));
    return u;
  }

  rater(id: string): number {
    let r = this.raters.get(id);
    if (r === undefined) this.raters.set(id, (r = this.raters.size));
    return r;
  }

  add(axis: string, unit: number, rater: number, value: RatingValue): void {
    let entries = this.axes.get(axis);
    if (!entries) this.axes.set(axis, (entries = { unit: [], rater: [], value: [], codes: new Map(), values: [] }));
    let c = entries.codes.get(value);
    if (c === undefined) {
      entries.codes.set(value, (c = entries.values.length));
      entries.values.push(value);
    }
    entries.unit.push(unit);
    entries.rater.push(rater);
    entries.value.push(c);
  }

  /** Whether any rating of the axis was added. */
  has(axis: string): boolean {
    return this.axes.has(axis);
  }

  /** The axis's inter-rater profiles (first occasions) and intra-rater profiles (first against second occasion); null where there is nothing. */
  profiles(axis: string): AxisProfiles {
    const e = this.axes.get(axis);
    if (!e) return { inter: null, intra: null };
    const n = e.unit.length;
    const unitCount = this.units.size; // units of other axes stay empty here and are skipped below
    // Entries grouped by unit, keeping arrival order within a unit (a stable counting sort).
    const offset = new Int32Array(unitCount + 1);
    for (let i = 0; i < n; i++) offset[e.unit[i] + 1]++;
    for (let u = 0; u < unitCount; u++) offset[u + 1] += offset[u];
    const order = new Int32Array(n);
    const fill = offset.slice(0, unitCount);
    for (let i = 0; i < n; i++) order[fill[e.unit[i]]++] = i;

    const naCode = e.codes.get(NA) ?? -1;
    // Per unit: the first occasion of each rater (inter), and first-vs-second occasion pairs (intra).
    const interStart = new Int32Array(unitCount + 1);
    const interRater: number[] = [];
    const interValue: number[] = [];
    const intraPairs = new Map<string, { first: number; second: number; units: number }>();
    const activeRaters = new Set<number>();
    const occasions: Array<{ rater: number; value: number; repeated: boolean }> = [];
    for (let u = 0; u < unitCount; u++) {
      interStart[u + 1] = interRater.length;
      if (offset[u] === offset[u + 1]) continue;
      occasions.length = 0;
      for (let k = offset[u]; k < offset[u + 1]; k++) {
        const i = order[k];
        const seen = occasions.find((o) => o.rater === e.rater[i]);
        if (!seen) {
          occasions.push({ rater: e.rater[i], value: e.value[i], repeated: false });
          interRater.push(e.rater[i]);
          interValue.push(e.value[i]);
          if (e.value[i] !== naCode) activeRaters.add(e.rater[i]);
        } else if (!seen.repeated) {
          seen.repeated = true; // later occasions are ignored
          const key = `${seen.value},${e.value[i]}`;
          const pair = intraPairs.get(key);
          if (pair) pair.units++;
          else intraPairs.set(key, { first: seen.value, second: e.value[i], units: 1 });
        }
      }
      interStart[u + 1] = interRater.length;
    }

    // Inter-rater profiles: the sorted values, and with exactly two raters who gave which.
    const two = activeRaters.size === 2 ? [...activeRaters].sort((a, b) => a - b) : null;
    const grouped = new Map<number | string, ProfileCount & { units: number }>();
    const codes: number[] = [];
    for (let u = 0; u < unitCount; u++) {
      if (interStart[u] === interStart[u + 1]) continue;
      codes.length = 0;
      let first = -1, second = -1;
      for (let k = interStart[u]; k < interStart[u + 1]; k++) {
        codes.push(interValue[k]);
        if (two && interRater[k] === two[0]) first = interValue[k];
        if (two && interRater[k] === two[1]) second = interValue[k];
      }
      codes.sort((a, b) => a - b);
      const key = profileKey(codes, first, second);
      const found = grouped.get(key);
      if (found) found.units++;
      else {
        const pair = two ? ([first < 0 ? null : e.values[first], second < 0 ? null : e.values[second]] as const) : undefined;
        grouped.set(key, { values: codes.map((c) => e.values[c]), pair, units: 1 });
      }
    }
    const inter: ProfileData = { profiles: [...grouped.values()], raters: activeRaters.size };

    let intra: ProfileData | null = null;
    if (intraPairs.size) {
      const pairs = [...intraPairs.values()];
      const occasionsActive = Number(pairs.some((p) => p.first !== naCode)) + Number(pairs.some((p) => p.second !== naCode));
      intra = {
        raters: occasionsActive,
        profiles: pairs.map((p) => ({ values: [e.values[p.first], e.values[p.second]], pair: [p.first === naCode ? null : e.values[p.first], p.second === naCode ? null : e.values[p.second]] as const, units: p.units })),
      };
    }
    return { inter, intra };
  }
}
