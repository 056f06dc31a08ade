import { buttonClass, inputClass } from "@/components/ui/styles";
import type { FilterOptions } from "@/lib/results/load-results";
import type { ResultsFilter } from "@/lib/results/results-filter";

function Select({ name, label, value, options, any = "All" }: { name: string; label: string; value?: string; options: Array<string | [string, string]>; any?: string | null }) {
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

/** A GET form: the filter lives in the address, so a filtered view can be bookmarked and shared. */
export function ResultsFilters({ filter, options }: { filter: ResultsFilter; options: FilterOptions }) {
  return (
    <form method="get" className="mb-6 grid grid-cols-2 items-end gap-3 sm:grid-cols-4 lg:grid-cols-11" aria-label="Filter results" data-testid="results-filters">
      <Select name="batch" label="Batch" value={filter.batch} options={options.batches} />
      <Select name="kind" label="Item kind" value={filter.kind} options={options.kinds} />
      <Select name="specialty" label="Specialty" value={filter.specialty} options={options.specialties} />
      <Select name="language" label="Language" value={filter.language} options={options.languages} />
      <Select name="reviewer" label="Reviewer" value={filter.reviewer} options={options.reviewers} />
      {options.hasArms ? <Select name="arm" label="Study arm" value={filter.arm} any="Both arms" options={[["unassisted", "Unassisted"], ["assisted", "Assisted"]]} /> : null}
      <label className="text-xs text-slate-600">From<input type="date" name="from" defaultValue={filter.from ?? ""} className={`${inputClass} mt-0.5`} /></label>
      <label className="text-xs text-slate-600">To<input type="date" name="to" defaultValue={filter.to ?? ""} className={`${inputClass} mt-0.5`} /></label>
      <Select name="basis" label="Computed on" value={filter.basis} any={null} options={[["reviews", "All reviews"], ["consensus", "Consensus (adjudicated)"]]} />
      <Select name="gold" label="Gold items" value={filter.gold} any={null} options={[["exclude", "Excluded"], ["include", "Included"], ["only", "Only gold"]]} />
      <button type="submit" className={buttonClass}>Apply</button>
    </form>
  );
}
