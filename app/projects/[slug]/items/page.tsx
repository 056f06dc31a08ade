import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { requireProjectPage } from "@/lib/projects/page-access";
import { browseItems, browseItemsQuerySchema } from "@/lib/items/browse-items";
import { RESULT_KINDS } from "@/lib/results/results-filter";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("items.list");
  return { title: t("metaTitle") };
}

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
  const t = await getTranslations("items.list");
  const filterQuery = new URLSearchParams(FILTERS.flatMap((k) => (query[k] ? [[k, query[k]!]] : []))).toString();
  const select = (name: string, label: string, options: ReadonlyArray<readonly [string, string]>) => (
    <div>
      <label className={labelClass} htmlFor={`f-${name}`}>{label}</label>
      <select className={inputClass} id={`f-${name}`} name={name} defaultValue={query[name] ?? ""}>
        <option value="">{t("all")}</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </div>
  );
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}>{t("back", { project: project.name })}</Link></p>
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      <form className={`${cardClass} mb-4 flex flex-wrap items-end gap-3`} aria-label={t("filterLabel")}>
        <div>
          <label className={labelClass} htmlFor="f-q">{t("externalIdStarts")}</label>
          <input className={inputClass} id="f-q" name="q" defaultValue={query.q ?? ""} />
        </div>
        {select("kind", t("kind"), RESULT_KINDS.map((k) => [k, k] as const))}
        {select("review", t("review"), [["unbatched", t("reviewUnbatched")], ["open", t("reviewOpen")], ["complete", t("reviewComplete")]])}
        {select("gold", t("gold"), [["only", t("goldOnly")], ["exclude", t("goldExclude")]])}
        <div>
          <label className={labelClass} htmlFor="f-specialty">{t("specialty")}</label>
          <input className={inputClass} id="f-specialty" name="specialty" defaultValue={query.specialty ?? ""} />
        </div>
        <div>
          <label className={labelClass} htmlFor="f-language">{t("language")}</label>
          <input className={`${inputClass} w-24`} id="f-language" name="language" defaultValue={query.language ?? ""} />
        </div>
        <button className={secondaryButtonClass}>{t("filter")}</button>
      </form>
      {problem ? <p className="mb-4 text-sm text-rose-700" role="alert">{t("filterProblem", { problem })}</p> : null}
      <div className={`${cardClass} overflow-x-auto`} tabIndex={0}>
        {items.length === 0 ? <p className="text-sm text-slate-600" data-testid="no-items">{t("none")}</p> : (
          <table className="w-full text-start text-sm [&_td]:pe-3 [&_th]:whitespace-nowrap [&_th]:pe-3" data-testid="items-table">
            <thead className="text-slate-500">
              <tr><th className="py-1">{t("externalId")}</th><th>{t("kind")}</th><th>{t("specialty")}</th><th>{t("language")}</th><th>{t("responses")}</th><th>{t("submitted")}</th><th>{t("skipped")}</th><th>{t("batches")}</th></tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} className="border-t border-slate-100" data-testid={`item-${i.externalId}`}>
                  <td className="py-1 font-mono text-xs">
                    <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/items/${i.id}`}>{i.externalId}</Link>
                    {i.isGold ? <span className="ms-1 rounded bg-amber-100 px-1 text-amber-900">{t("goldBadge")}</span> : null}
                  </td>
                  <td>{i.kind}</td>
                  <td>{i.specialty ?? "—"}</td>
                  <td>{i.language}</td>
                  <td>{i.responses}</td>
                  <td data-col="submitted">{i.submitted} / {i.assignments}</td>
                  <td>{i.skipped}</td>
                  <td>{i.batches.length ? i.batches.join(", ") : t("notInBatch")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="mt-3 flex gap-4 text-sm">
          {query.cursor ? <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/items${filterQuery ? `?${filterQuery}` : ""}`}>{t("firstPage")}</Link> : null}
          {nextCursor ? <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/items?${new URLSearchParams([...new URLSearchParams(filterQuery), ["cursor", nextCursor]]).toString()}`} data-testid="next-page">{t("nextPage")}</Link> : null}
        </p>
      </div>
    </AppShell>
  );
}
