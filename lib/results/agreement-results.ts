import { agreementOfPrepared, type AxisAgreement, type AxisDescription } from "@/lib/stats/axis-agreement";
import type { BootstrapOptions } from "@/lib/stats/bootstrap";
import { prepareFromProfiles, type ProfileData, type RatingValue } from "@/lib/stats/reliability-data";
import { AgreementCollector } from "./agreement-collector";
import type { ResultAxis } from "./axis-results";

// Agreement per rubric axis for the results page (issue 9, "Agreement"; decision 014 for the
// statistics). A unit is what one rating is about: a response on a response axis, the item on an
// item axis, the item's pair on a pairwise axis (value after polarity: the better of the two models
// in name order is "first" or "second", or "tie" — an ordinal scale). Raters are reviewers. A
// reviewer who rated the same unit again (a repeat in another batch) is inter-rater data only once:
// the first rating counts there, and the pair of occasions goes to intra-rater reliability.

export type AgreementRow = { axis: string; unit: string; rater: string; value: RatingValue };

export type AxisAgreementResult = {
  axis: string;
  label: string;
  /** Why there are no figures (e.g. a multi-select axis), else null. */
  skipped: string | null;
  inter: AxisAgreement | null;
  /** The same reviewer on the same unit twice: first vs second occasion; null without repeats. */
  intra: AxisAgreement | null;
};

export const PAIR_CATEGORIES = ["first", "tie", "second"] as const;

/** The stored rating as the coefficients read it; null when it is not one comparable value. */
export function agreementValue(axis: ResultAxis, value: unknown): RatingValue | null {
  if (value === null || value === undefined || value === "" || Array.isArray(value)) return null;
  if (value === "na") return "na";
  if (axis.type === "SCALE") return Number.isFinite(Number(value)) ? Number(value) : null;
  if (axis.type === "BOOLEAN") return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : null;
  return String(value);
}

function describe(axis: ResultAxis): AxisDescription & { categories?: RatingValue[] } {
  // Pairwise axes, and ranking axes read pair by pair (decision 029): which of two responses comes first.
  if (axis.appliesTo === "PAIR" || axis.appliesTo === "RANKING" || axis.appliesTo === "BEST_WORST") return { type: "choice", level: "ordinal", categories: [...PAIR_CATEGORIES] };
  if (axis.type === "SCALE") return { type: "scale", categories: axis.options.map((o) => Number(o.value)).filter((x) => Number.isFinite(x)) };
  if (axis.type === "BOOLEAN") return { type: "boolean", categories: [true, false] };
  return { type: "choice", categories: axis.options.map((o) => o.value) };
}

function compute(axis: ResultAxis, data: ProfileData | null, options: BootstrapOptions): AxisAgreement | null {
  if (!data) return null;
  const { categories, ...description } = describe(axis);
  return agreementOfPrepared(description, prepareFromProfiles({ ...data, categories }), options);
}

/** Inter- and intra-rater agreement for every axis that has comparable values, from the collected ratings. */
export function agreementOfCollected(axes: readonly ResultAxis[], collected: AgreementCollector, options: BootstrapOptions = {}): AxisAgreementResult[] {
  return axes
    .filter((a) => a.type !== "TEXT")
    .map((axis) => {
      if (axis.multiSelect) return { axis: axis.key, label: axis.label, skipped: "several answers per rating: agreement is reported for single answers only", inter: null, intra: null };
      const { inter, intra } = collected.profiles(axis.key);
      return { axis: axis.key, label: axis.label, skipped: null, inter: compute(axis, inter, options), intra: compute(axis, intra, options) };
    });
}

/** The same from rating rows (unit, rater, value), in the order the raters gave them. */
export function summarizeAgreement(axes: readonly ResultAxis[], rows: Iterable<AgreementRow>, options: BootstrapOptions = {}): AxisAgreementResult[] {
  const collected = new AgreementCollector();
  for (const row of rows) collected.add(row.axis, collected.unit(row.unit), collected.rater(row.rater), row.value);
  return agreementOfCollected(axes, collected, options);
}
