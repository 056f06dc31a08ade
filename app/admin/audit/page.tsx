import type { Metadata } from "next";
import { ZodError } from "zod";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { auditFilterSchema, listAuditEvents } from "@/lib/audit/list-audit";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.audit"))("metaTitle") };
}

const FIELDS = [
  ["actor", "text"],
  ["action", "text"],
  ["entity", "text"],
  ["project", "text"],
  ["from", "date"],
  ["to", "date"],
] as const;

/** The audit log (issue 10): who did what, newest first, filtered and paged on the server, with a CSV of every match. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("audit:read");
  const t = await getTranslations("admin.audit");
  const flat = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Record<string, string | undefined>;
  const parsed = auditFilterSchema.safeParse(flat);
  // A refused filter (bad date, dates in the wrong order) shows the whole log with the reason.
  const attempt = parsed.success ? await listAuditEvents(actor, flat).then((page) => ({ page, problem: null }), (e: unknown) => ({ page: null, problem: e instanceof ZodError ? e.issues.map((i) => i.message).join(" ") : e instanceof Error ? e.message : String(e) })) : { page: null, problem: parsed.error.issues.map((i) => i.message).join(" ") };
  const query = attempt.page ? flat : {};
  const problem = attempt.problem;
  const page = attempt.page ?? (await listAuditEvents(actor, {}));
  const filterQuery = new URLSearchParams(FIELDS.flatMap(([k]) => (query[k] ? [[k, query[k]!]] : []))).toString();
  return (
    <AppShell actor={actor}>
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      <form className={`${cardClass} mb-4 flex flex-wrap items-end gap-3`} aria-label={t("filterLabel")}>
        {FIELDS.map(([name, type]) => (
          <div key={name}>
            <label className={labelClass} htmlFor={`a-${name}`}>{t(`fields.${name}`)}</label>
            <input className={inputClass} id={`a-${name}`} name={name} type={type} defaultValue={query[name] ?? ""} />
          </div>
        ))}
        <button className={secondaryButtonClass}>{t("filter")}</button>
        <a className="text-sm text-blue-800 hover:underline" href={`/api/v1/audit?format=csv${filterQuery ? `&${filterQuery}` : ""}`} data-testid="audit-csv">{t("csv")}</a>
      </form>
      {problem ? <p className="mb-4 text-sm text-rose-700" role="alert">{t("problem", { problem })}</p> : null}
      <div className={`${cardClass} overflow-x-auto`} tabIndex={0}>
        <table className="w-full text-start text-sm [&_td]:pe-3 [&_td]:align-top [&_th]:pe-3" data-testid="audit-table">
          <thead className="text-slate-500"><tr><th className="py-1">{t("columns.time")}</th><th>{t("columns.actor")}</th><th>{t("columns.action")}</th><th>{t("columns.entity")}</th><th>{t("columns.project")}</th><th>{t("columns.details")}</th></tr></thead>
          <tbody>
            {page.events.map((e) => (
              <tr key={e.id} className="border-t border-slate-100" data-testid="audit-row">
                <td className="whitespace-nowrap py-1 text-xs">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                <td>{e.actorEmail ?? "—"}</td>
                <td className="font-mono text-xs" data-col="action">{e.action}</td>
                <td className="text-xs">{e.entityType}{e.entityId ? <span className="block text-slate-500">{e.entityId}</span> : null}</td>
                <td>{e.projectSlug ?? "—"}</td>
                <td className="max-w-md break-words font-mono text-xs">{JSON.stringify(e.data)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.events.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
        <p className="mt-3 flex gap-4 text-sm">
          {query.cursor ? <Link className="text-blue-800 hover:underline" href={`/admin/audit${filterQuery ? `?${filterQuery}` : ""}`}>{t("newest")}</Link> : null}
          {page.nextCursor ? <Link className="text-blue-800 hover:underline" href={`/admin/audit?${new URLSearchParams([...new URLSearchParams(filterQuery), ["cursor", page.nextCursor]]).toString()}`}>{t("older")}</Link> : null}
        </p>
      </div>
    </AppShell>
  );
}
