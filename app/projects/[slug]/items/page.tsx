import type { Metadata } from "next";
import Link from "next/link";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { requireProjectPage } from "@/lib/projects/page-access";
import { browseItems, browseItemsQuerySchema } from "@/lib/items/browse-items";
import { RESULT_KINDS } from "@/lib/results/results-filter";

export const metadata: Metadata = { title: "Items" };

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ["kind", "specialty", "language", "gold", "review", "q"] as const;

/**
 * The item browser (issue 10): every item of the project, filtered and paged on the server (keyset by
 * external id), with how far its review has come; each opens as reviewers see it, with every annotation.
 */
export default async function ItemsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const { actor, project } = await requireProjectPage(slug, "item:browse");
  const flat = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Record<string, string | undefined>;
  const parsed = browseItemsQuerySchema.safeParse(flat);
  const query = parsed.success ? flat : {};
  const problem = parsed.success ? null : parsed.error.issues.map((i) => i.message).join(" ");
  const { items, nextCursor } = await browseItems(actor, project.id, query);
  const filterQuery = new URLSearchParams(FILTERS.flatMap((k) => (query[k] ? [[k, query[k]!]] : []))).toString();
  const select = (name: string, label: string, options: ReadonlyArray<readonly [string, string]>) => (
    <div>
      <label className={labelClass} htmlFor={`f-${name}`}>{label}</label>
      <select className={inputClass} id={`f-${name}`} name={name} defaultValue={query[name] ?? ""}>
        <option value="">All</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </div>
  );
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}>← {project.name}</Link></p>
      <PageTitle sub="Every item of the project, 50 per page. Open one to see it as reviewers do, with all its annotations.">Items</PageTitle>
      <form className={`${cardClass} mb-4 flex flex-wrap items-end gap-3`} aria-label="Filter items">
        <div>
          <label className={labelClass} htmlFor="f-q">External id starts with</label>
          <input className={inputClass} id="f-q" name="q" defaultValue={query.q ?? ""} />
        </div>
        {select("kind", "Kind", RESULT_KINDS.map((k) => [k, k] as const))}
        {select("review", "Review", [["unbatched", "not in a batch"], ["open", "open work"], ["complete", "complete"]])}
        {select("gold", "Gold items", [["only", "only gold"], ["exclude", "no gold"]])}
        <div>
          <label className={labelClass} htmlFor="f-specialty">Specialty</label>
          <input className={inputClass} id="f-specialty" name="specialty" defaultValue={query.specialty ?? ""} />
        </div>
        <div>
          <label className={labelClass} htmlFor="f-language">Language</label>
          <input className={`${inputClass} w-24`} id="f-language" name="language" defaultValue={query.language ?? ""} />
        </div>
        <button className={secondaryButtonClass}>Filter</button>
      </form>
      {problem ? <p className="mb-4 text-sm text-rose-700" role="alert">{problem} Showing all items instead.</p> : null}
      <div className={`${cardClass} overflow-x-auto`} tabIndex={0}>
        {items.length === 0 ? <p className="text-sm text-slate-600" data-testid="no-items">No items match.</p> : (
          <table className="w-full text-start text-sm [&_td]:pe-3 [&_th]:whitespace-nowrap [&_th]:pe-3" data-testid="items-table">
            <thead className="text-slate-500">
              <tr><th className="py-1">External id</th><th>Kind</th><th>Specialty</th><th>Language</th><th>Responses</th><th>Submitted / assigned</th><th>Skipped</th><th>Batches</th></tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} className="border-t border-slate-100" data-testid={`item-${i.externalId}`}>
                  <td className="py-1 font-mono text-xs">
                    <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/items/${i.id}`}>{i.externalId}</Link>
                    {i.isGold ? <span className="ms-1 rounded bg-amber-100 px-1 text-amber-900">gold</span> : null}
                  </td>
                  <td>{i.kind}</td>
                  <td>{i.specialty ?? "—"}</td>
                  <td>{i.language}</td>
                  <td>{i.responses}</td>
                  <td data-col="submitted">{i.submitted} / {i.assignments}</td>
                  <td>{i.skipped}</td>
                  <td>{i.batches.length ? i.batches.join(", ") : "not in a batch"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="mt-3 flex gap-4 text-sm">
          {query.cursor ? <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/items${filterQuery ? `?${filterQuery}` : ""}`}>First page</Link> : null}
          {nextCursor ? <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/items?${new URLSearchParams([...new URLSearchParams(filterQuery), ["cursor", nextCursor]]).toString()}`} data-testid="next-page">Next page →</Link> : null}
        </p>
      </div>
    </AppShell>
  );
}
