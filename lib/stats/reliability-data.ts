// Reliability data (Krippendorff's term): units × raters, each cell a value or missing. Every
// coefficient in lib/stats reads the same prepared form, built once here. Pure and zod-free so the
// browser can run it too.
//
// Why "patterns": every coefficient here is a function of the units' value profiles only (which
// categories a unit received how often, and for two raters who gave which). Units with the same
// profile are stored once with a multiplicity, so a point estimate is a weighted sum over profiles
// and a bootstrap resample only changes the weights (decision 014).

/** A rater's value: a category code, a number on a scale, or a yes/no. */
export type RatingValue = string | number | boolean;

export type ReliabilityData = {
  /** values[u][r]: rater r's value for unit u; null or undefined when r did not rate u. Rows may be ragged. */
  values: ReadonlyArray<ReadonlyArray<RatingValue | null | undefined>>;
  /**
   * The categories the raters could choose, in scale order for ordinal data (e.g. an axis's options).
   * Default: the values observed, numbers ascending, false before true, strings sorted.
   * Gwet's AC1 depends on how many categories were available, so pass them when you know them.
   */
  categories?: readonly RatingValue[];
  /** Values meaning "cannot rate / N/A": dropped before computing and counted. Default ["na"]. */
  notApplicable?: readonly RatingValue[];
};

export const DEFAULT_NOT_APPLICABLE: readonly RatingValue[] = ["na"];

/** What stands behind a figure. "Pairable" units have two or more values (Krippendorff 2011). */
export type AgreementBasis = {
  /** Rows in the data. */
  units: number;
  /** Raters (columns) with at least one counted value. */
  raters: number;
  /** Values counted, after N/A values were dropped. */
  values: number;
  /** N/A ("cannot rate") values dropped. */
  notApplicable: number;
  /** Units with two or more values: the units agreement is measured on. */
  pairableUnits: number;
  /** Values in pairable units. */
  pairableValues: number;
  /** Units with exactly one value: ignored by every coefficient except as class prevalence in Fleiss and Gwet. */
  unpairableUnits: number;
  /** Categories of the scale (declared, or observed). */
  categories: number;
};

/** A coefficient's value, or null with the reason it is undefined. */
export type Outcome = { value: number; reason: null } | { value: null; reason: string };
/** A coefficient of reliability data: its value (or null and why) and what stands behind it. */
export type CoefficientResult = { value: number | null; reason: string | null; basis: AgreementBasis };

/** A coefficient computed from pattern weights (multiplicities, or a bootstrap resample's counts). */
export type Estimator = (weights: Float64Array) => Outcome;

export const defined = (value: number): Outcome => ({ value, reason: null });
export const undefinedBecause = (reason: string): Outcome => ({ value: null, reason });
export const TOO_FEW_UNITS = "fewer than two units have two or more values";

export type PreparedData = {
  categories: RatingValue[];
  /** Whether the order of the categories is known: declared by the caller, or numbers / yes-no by nature. */
  isOrdered: boolean;
  /** Each category as a number (for interval and ratio metrics); null when some category is not a number. */
  categoryNumbers: number[] | null;
  /** Distinct value profiles. Pattern p's entries are start[p] … start[p + 1] − 1. */
  patterns: number;
  start: Int32Array;
  category: Int32Array;
  count: Float64Array;
  /** Values in pattern p (m_p). */
  size: Float64Array;
  /** With exactly two raters: each pattern's first and second rater's category, −1 when missing. */
  pair: { first: Int32Array; second: Int32Array } | null;
  /** Units per pattern: the weights of the point estimate. */
  multiplicity: Float64Array;
  /** Each input unit's pattern; −1 for a unit without a counted value. */
  unitPattern: Int32Array;
  basis: AgreementBasis;
};

const describe = (v: unknown) => (typeof v === "string" ? `"${v}"` : String(v));

function checkValue(v: unknown, where: string): asserts v is RatingValue {
  const ok = typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
  if (!ok) throw new Error(`${where}: ${describe(v)} is not a rating (a text code, a finite number, or true/false)`);
}

function defaultOrder(observed: RatingValue[]): RatingValue[] {
  const rank = (v: RatingValue) => (typeof v === "boolean" ? 0 : typeof v === "number" ? 1 : 2);
  return [...observed].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (typeof a === "string") return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
    return Number(a) - Number(b);
  });
}

/** Drops N/A values, codes categories and groups units into value profiles. Throws on malformed data. */
export function prepareReliabilityData(data: ReliabilityData): PreparedData {
  const na = data.notApplicable ?? DEFAULT_NOT_APPLICABLE;
  const isNa = (v: RatingValue) => na.includes(v);
  const declared = data.categories;
  const index = new Map<RatingValue, number>();
  if (declared) {
    declared.forEach((c, i) => {
      checkValue(c, "categories");
      if (index.has(c)) throw new Error(`categories: ${describe(c)} is listed twice`);
      if (isNa(c)) throw new Error(`categories: ${describe(c)} is the N/A value and cannot also be a category`);
      index.set(c, i);
    });
  }

  // First pass: validate, drop N/A, find the raters and (without declared categories) the observed values.
  let notApplicable = 0;
  const observed = new Set<RatingValue>();
  const activeRaters = new Set<number>();
  data.values.forEach((row, u) =>
    row.forEach((v, r) => {
      if (v === null || v === undefined) return;
      checkValue(v, `unit ${u + 1}, rater ${r + 1}`);
      if (isNa(v)) return void notApplicable++;
      if (declared && !index.has(v)) throw new Error(`unit ${u + 1}, rater ${r + 1}: ${describe(v)} is not one of the categories (${declared.map(describe).join(", ")})`);
      observed.add(v);
      activeRaters.add(r);
    }),
  );
  const categories = declared ? [...declared] : defaultOrder([...observed]);
  if (!declared) categories.forEach((c, i) => index.set(c, i));
  const categoryNumbers = numbersOf(categories);

  // Second pass: each unit's profile. With two raters the profile keeps who said what (Cohen's kappa
  // needs it); otherwise it is the multiset of categories.
  const raterColumns = [...activeRaters].sort((a, b) => a - b);
  const twoRaters = raterColumns.length === 2;
  const table = new PatternTable(twoRaters);
  const unitPattern = new Int32Array(data.values.length).fill(-1);
  let values = 0, pairableUnits = 0, pairableValues = 0, unpairableUnits = 0;
  data.values.forEach((row, u) => {
    const codes: number[] = [];
    for (const r of raterColumns) {
      const v = row[r];
      if (v !== null && v !== undefined && !isNa(v)) codes.push(index.get(v) as number);
    }
    if (codes.length === 0) return;
    values += codes.length;
    if (codes.length >= 2) {
      pairableUnits++;
      pairableValues += codes.length;
    } else unpairableUnits++;
    let pair: [number, number] = [-1, -1];
    if (twoRaters) {
      const code = (v: RatingValue | null | undefined) => (v === null || v === undefined || isNa(v) ? -1 : (index.get(v) as number));
      pair = [code(row[raterColumns[0]]), code(row[raterColumns[1]])];
    }
    unitPattern[u] = table.add(codes, pair, 1);
  });

  return finishPatterns({ categories, declared: Boolean(declared), categoryNumbers, ...table.columns(), twoRaters, unitPattern, basis: { units: data.values.length, raters: raterColumns.length, values, notApplicable, pairableUnits, pairableValues, unpairableUnits } });
}

/**
 * Distinct value profiles and how many units have each: with two raters a profile is who gave
 * which category, otherwise the sorted multiset of categories. Both preparations fill one.
 */
class PatternTable {
  private readonly keyToPattern = new Map<string, number>();
  private readonly profiles: number[][] = [];
  private readonly pairs: Array<[number, number]> = [];
  private readonly multiplicity: number[] = [];

  constructor(private readonly twoRaters: boolean) {}

  /** Adds `units` units with these category codes (sorted in place) and rater pair; returns the pattern. */
  add(codes: number[], pair: [number, number], units: number): number {
    codes.sort((a, b) => a - b);
    const key = this.twoRaters ? pair.join(",") : codes.join(",");
    let p = this.keyToPattern.get(key);
    if (p === undefined) {
      p = this.profiles.length;
      this.keyToPattern.set(key, p);
      this.profiles.push(codes);
      this.pairs.push(pair);
      this.multiplicity.push(0);
    }
    this.multiplicity[p] += units;
    return p;
  }

  columns() {
    return { profiles: this.profiles, pairs: this.pairs, multiplicity: this.multiplicity };
  }
}

type Patterns = {
  categories: RatingValue[];
  declared: boolean;
  categoryNumbers: number[] | null;
  profiles: number[][];
  pairs: Array<[number, number]>;
  multiplicity: number[];
  twoRaters: boolean;
  unitPattern: Int32Array;
  basis: Omit<AgreementBasis, "categories">;
};

function finishPatterns({ categories, declared, categoryNumbers, profiles, pairs, multiplicity, twoRaters, unitPattern, basis }: Patterns): PreparedData {
  // Profiles as compressed rows: (category, count) entries per pattern.
  const start = new Int32Array(profiles.length + 1);
  const category: number[] = [];
  const count: number[] = [];
  const size = new Float64Array(profiles.length);
  profiles.forEach((codes, p) => {
    for (let i = 0; i < codes.length; ) {
      let j = i;
      while (j < codes.length && codes[j] === codes[i]) j++;
      category.push(codes[i]);
      count.push(j - i);
      i = j;
    }
    start[p + 1] = category.length;
    size[p] = codes.length;
  });

  const isOrdered = declared || categories.every((c) => typeof c !== "string");
  return {
    categories,
    isOrdered,
    categoryNumbers,
    patterns: profiles.length,
    start,
    category: Int32Array.from(category),
    count: Float64Array.from(count),
    size,
    pair: twoRaters ? { first: Int32Array.from(pairs.map((x) => x[0])), second: Int32Array.from(pairs.map((x) => x[1])) } : null,
    multiplicity: Float64Array.from(multiplicity),
    unitPattern,
    basis: { ...basis, categories: categories.length },
  };
}

/** Units with two or more values, counted with the given weights. */
export function weightedPairableUnits(data: PreparedData, weights: Float64Array): number {
  let units = 0;
  for (let p = 0; p < data.patterns; p++) if (data.size[p] >= 2) units += weights[p];
  return units;
}

const numbersOf = (categories: RatingValue[]) => (categories.every((c) => typeof c === "number") ? (categories as number[]) : null);

/** Units that share one value profile, as a database aggregate or a collector hands them over. */
export type ProfileCount = {
  /** The values the unit received, N/A included, in any order. */
  values: readonly RatingValue[];
  /** With exactly two raters: the first and the second rater's value, null where one did not rate. */
  pair?: readonly [RatingValue | null, RatingValue | null];
  /** Units with this profile. */
  units: number;
};

export type ProfileData = Omit<ReliabilityData, "values"> & {
  profiles: Iterable<ProfileCount>;
  /** Raters with at least one value other than N/A; with exactly 2 every profile must carry its `pair`. */
  raters: number;
};

/**
 * The prepared form straight from value profiles and their unit counts, for data too large to hold
 * as a units × raters matrix (the results page groups 100,000s of units while it reads them). Gives
 * the same coefficients as prepareReliabilityData on the units the profiles summarize (test:
 * reliability-data.test.ts); `unitPattern` is empty, as there is no unit order here.
 */
export function prepareFromProfiles(data: ProfileData): PreparedData {
  const na = data.notApplicable ?? DEFAULT_NOT_APPLICABLE;
  const isNa = (v: RatingValue) => na.includes(v);
  const twoRaters = data.raters === 2;
  const listed = [...data.profiles];
  const index = new Map<RatingValue, number>();
  (data.categories ?? []).forEach((c, i) => {
    checkValue(c, "categories");
    if (index.has(c)) throw new Error(`categories: ${describe(c)} is listed twice`);
    if (isNa(c)) throw new Error(`categories: ${describe(c)} is the N/A value and cannot also be a category`);
    index.set(c, i);
  });
  const observed = new Set<RatingValue>();
  for (const profile of listed) {
    if (!(Number.isInteger(profile.units) && profile.units > 0)) throw new Error(`a profile's unit count must be a positive whole number (got ${profile.units})`);
    if (twoRaters && !profile.pair) throw new Error("with two raters every profile needs its pair of values");
    for (const v of profile.values) {
      checkValue(v, "profile");
      if (isNa(v)) continue;
      if (data.categories && !index.has(v)) throw new Error(`${describe(v)} is not one of the categories (${data.categories.map(describe).join(", ")})`);
      observed.add(v);
    }
  }
  const categories = data.categories ? [...data.categories] : defaultOrder([...observed]);
  if (!data.categories) categories.forEach((c, i) => index.set(c, i));

  const table = new PatternTable(twoRaters);
  let units = 0, values = 0, notApplicable = 0, pairableUnits = 0, pairableValues = 0, unpairableUnits = 0;
  for (const profile of listed) {
    units += profile.units;
    const codes: number[] = [];
    for (const v of profile.values) {
      if (isNa(v)) notApplicable += profile.units;
      else codes.push(index.get(v) as number);
    }
    if (codes.length === 0) continue;
    values += codes.length * profile.units;
    if (codes.length >= 2) {
      pairableUnits += profile.units;
      pairableValues += codes.length * profile.units;
    } else unpairableUnits += profile.units;
    const code = (v: RatingValue | null | undefined) => (v === null || v === undefined || isNa(v) ? -1 : (index.get(v) as number));
    const pair: [number, number] = twoRaters ? [code(profile.pair![0]), code(profile.pair![1])] : [-1, -1];
    table.add(codes, pair, profile.units);
  }
  return finishPatterns({
    categories,
    declared: Boolean(data.categories),
    categoryNumbers: numbersOf(categories),
    ...table.columns(),
    twoRaters,
    unitPattern: new Int32Array(0),
    basis: { units, raters: data.raters, values, notApplicable, pairableUnits, pairableValues, unpairableUnits },
  });
}
