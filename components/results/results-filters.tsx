import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/styles";
import type { FilterOptions } from "@/lib/results/load-results";
import type { ResultsFilter } from "@/lib/results/results-filter";
import type { SegmentOptions } from "@/lib/results/segments";

function Select({ name, label, value, options, any }: { name: string; label: string; value?: string; options: Array<string | [string, string]>; any: string | null }) {
  return (
    <label className="text-xs text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ""} className={`${inputClass} mt-0.5`}>
        {any === null ? null : <option value="">{any}</option>}
        {options.map((o) => (Array.isArray(o) ? <option key={o[0]} value={o[0]}>{o[1]}</option> : <option key={o} value={o}>{o}</option>))}
      </select>
    </label>
  );
}

/** One value of an analysis field, grouped by field; and the field to break the results down by. */
function AnalysisSelects({ segment, by, segments }: { segment?: string; by?: string; segments: SegmentOptions }) {
  const t = useTranslations("results.filters");
  const field = useTranslations("results.fields");
  return (
    <>
      <label className="text-xs text-slate-600">
        {t("segment")}
        <select name="segment" defaultValue={segment ?? ""} className={`${inputClass} mt-0.5`}>
          <option value="">{t("segmentAll")}</option>
          {segments.map((o) => (
            <optgroup key={o.field} label={field(o.field)}>
              {o.choices.map((c) => <option key={c.segment} value={c.segment}>{`${c.label} (${c.count})`}</option>)}
            </optgroup>
          ))}
        </select>
      </label>
      <Select name="by" label={t("by")} value={by} any={t("byNone")} options={segments.map((o) => [o.field, field(o.field)])} />
    </>
  );
}

/** A GET form: the filter lives in the address, so a filtered view can be bookmarked and shared. */
export function ResultsFilters({ filter, options, segments, by }: { filter: ResultsFilter; options: FilterOptions; segments: SegmentOptions; by?: string }) {
  const t = useTranslations("results.filters");
  const all = t("all");
  return (
    <form method="get" className="mb-6 grid grid-cols-2 items-end gap-3 sm:grid-cols-4 lg:grid-cols-7" aria-label={t("label")} data-testid="results-filters">
      <Select name="batch" label={t("batch")} value={filter.batch} options={options.batches} any={all} />
      <Select name="kind" label={t("kind")} value={filter.kind} options={options.kinds} any={all} />
      <Select name="specialty" label={t("specialty")} value={filter.specialty} options={options.specialties} any={all} />
      <Select name="language" label={t("language")} value={filter.language} options={options.languages} any={all} />
      <Select name="reviewer" label={t("reviewer")} value={filter.reviewer} options={options.reviewers} any={all} />
      {options.hasArms ? <Select name="arm" label={t("arm")} value={filter.arm} any={t("bothArms")} options={[["unassisted", t("unassisted")], ["assisted", t("assisted")]]} /> : null}
      <label className="text-xs text-slate-600">{t("from")}<input type="date" name="from" defaultValue={filter.from ?? ""} className={`${inputClass} mt-0.5`} /></label>
      <label className="text-xs text-slate-600">{t("to")}<input type="date" name="to" defaultValue={filter.to ?? ""} className={`${inputClass} mt-0.5`} /></label>
      <Select name="basis" label={t("basis")} value={filter.basis} any={null} options={[["reviews", t("allReviews")], ["consensus", t("consensus")]]} />
      <Select name="gold" label={t("gold")} value={filter.gold} any={null} options={[["exclude", t("goldExclude")], ["include", t("goldInclude")], ["only", t("goldOnly")]]} />
      {segments.length ? <AnalysisSelects segment={filter.segment} by={by} segments={segments} /> : null}
      <button type="submit" className={buttonClass}>{t("apply")}</button>
    </form>
  );
}
