import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ItemView } from "@/components/review/item-view";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { Markdown, PlainText } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import { NotFoundError } from "@/lib/auth/permissions";
import { requireProjectPage } from "@/lib/projects/page-access";
import { loadItemDetail, type DetailAxis } from "@/lib/items/item-detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("items.detail");
  return { title: t("metaTitle") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"items.detail">>>;

const valueLabel = (t: Translate, axis: DetailAxis | undefined, value: unknown): string => {
  if (value === undefined || value === null || value === "") return "—";
  const one = (v: unknown) => axis?.options.find((o) => o.value === String(v))?.label ?? (v === "na" ? t("values.na") : typeof v === "boolean" ? (v ? t("values.yes") : t("values.no")) : String(v));
  return Array.isArray(value) ? value.map(one).join("; ") : one(value);
};

// The assignment's status as item-detail gives it (the enum in lower case, "_" as a space).
const STATUS = { pending: "pending", "in progress": "inProgress", submitted: "submitted", skipped: "skipped" } as const;
const statusLabel = (t: Translate, status: string) => (status in STATUS ? t(`status.${STATUS[status as keyof typeof STATUS]}`) : status);

/**
 * One item as reviewers see it (the review page's renderer), model names hidden until asked
 * (?models=shown), and every reviewer's annotation side by side: a row per response × axis, a
 * column per reviewer.
 */
export default async function ItemPage({ params, searchParams }: { params: Promise<{ slug: string; itemId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug, itemId } = await params;
  const showModels = (await searchParams).models === "shown";
  const orNotFound = (e: unknown) => (e instanceof NotFoundError ? notFound() : Promise.reject(e));
  const { actor, project } = await requireProjectPage(slug, "item:browse");
  const detail = await loadItemDetail(actor, project.id, itemId).catch(orNotFound);
  const axisByKey = new Map(detail.axes.map((a) => [a.key, a]));
  const t = await getTranslations("items.detail");
  const rows: Array<{ key: string; label: string; cell: (a: (typeof detail.annotations)[number]) => string }> = [
    ...detail.responses.flatMap((r) =>
      detail.axes.filter((a) => a.appliesTo === "RESPONSE").map((a) => ({ key: `${r.id}:${a.key}`, label: `${r.label} · ${a.label}`, cell: (x: (typeof detail.annotations)[number]) => valueLabel(t, a, x.responses[r.id]?.[a.key]) })),
    ),
    ...detail.axes.filter((a) => a.appliesTo === "ITEM").map((a) => ({ key: `item:${a.key}`, label: t("rows.item", { axis: a.label }), cell: (x: (typeof detail.annotations)[number]) => valueLabel(t, a, x.item[a.key]) })),
    ...detail.axes.filter((a) => a.appliesTo === "PAIR").map((a) => ({ key: `pair:${a.key}`, label: t("rows.pair", { axis: a.label }), cell: (x: (typeof detail.annotations)[number]) => x.pair[a.key] ?? "—" })),
    ...detail.axes.filter((a) => a.appliesTo === "RANKING" || a.appliesTo === "BEST_WORST").map((a) => ({ key: `order:${a.key}`, label: t(a.appliesTo === "RANKING" ? "rows.ranking" : "rows.bestWorst", { axis: a.label }), cell: (x: (typeof detail.annotations)[number]) => x.orderings[a.key] ?? "—" })),
    ...detail.responses.flatMap((r) =>
      detail.axes.filter((a) => a.appliesTo === "TURN" && detail.annotations.some((x) => x.turns[r.id]?.[a.key]?.length)).map((a) => ({
        key: `turn:${r.id}:${a.key}`,
        label: t("rows.perTurn", { response: r.label, axis: a.label }),
        cell: (x: (typeof detail.annotations)[number]) => x.turns[r.id]?.[a.key]?.map((turn) => t("rows.turn", { turn: String(turn.turn), value: valueLabel(t, a, turn.value) })).join("; ") || "—",
      })),
    ),
    ...(detail.annotations.some((x) => x.suggestions) ? [{ key: "suggestions", label: t("rows.suggestions"), cell: (x: (typeof detail.annotations)[number]) => x.suggestions ?? "—" }] : []),
    ...detail.responses
      .filter((r) => detail.annotations.some((x) => x.corrections[r.id] !== undefined))
      .map((r) => ({ key: `correction:${r.id}`, label: t("rows.correction", { response: r.label }), cell: (x: (typeof detail.annotations)[number]) => x.corrections[r.id] ?? "—" })),
  ];
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/items`}>{t("back", { project: project.name })}</Link></p>
      <PageTitle sub={`${detail.kind}${detail.isGold ? ` · ${t("goldItem")}` : ""} · ${t("assignments", { count: detail.annotations.length })}`}>
        <span data-testid="item-external-id">{detail.externalId}</span>
      </PageTitle>
      <p className="mb-4 text-sm">
        {showModels ? (
          <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/items/${detail.id}`} data-testid="toggle-models">{t("hideModels")}</Link>
        ) : (
          <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/items/${detail.id}?models=shown`} data-testid="toggle-models">{t("showModels")}</Link>
        )}
      </p>
      <div className="space-y-4">
        <ItemView item={detail.item} />
        {detail.responses.map((r) => (
          <section key={r.id} className={cardClass} aria-label={t("response", { label: r.label })} data-testid="item-response">
            <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
              {t("response", { label: r.label })}{showModels ? <> · <span data-testid="model-name"><PlainText text={r.modelName} /></span></> : null}
            </h2>
            <Markdown html={r.contentHtml} className="text-sm" />
            {r.reasoningHtml ? (
              <details className="mt-2 text-sm"><summary className="cursor-pointer text-slate-600">{t("reasoning")}</summary><Markdown html={r.reasoningHtml} /></details>
            ) : null}
          </section>
        ))}
        <section className={`${cardClass} overflow-x-auto`} tabIndex={0} aria-label={t("annotationsLabel")}>
          <h2 className="mb-2 font-medium">{t("annotationsHeading")}</h2>
          {detail.annotations.length === 0 ? <p className="text-sm text-slate-600">{t("notAssigned")}</p> : (
            <table className="text-start text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:py-1 [&_td]:pe-4 [&_th]:pe-4 [&_th]:align-bottom" data-testid="annotations-table">
              <thead>
                <tr>
                  <th className="text-slate-500">{t("reviewer")}</th>
                  {detail.annotations.map((a) => (
                    <th key={a.assignmentId} data-testid="annotation-column">
                      {a.reviewer.name}
                      <span className="block text-xs font-normal text-slate-500">{a.batch} · {statusLabel(t, a.status)}{a.submittedAt ? ` ${a.submittedAt.slice(0, 10)}` : ""}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <td className="text-slate-600">{row.label}</td>
                    {detail.annotations.map((a) => <td key={a.assignmentId}>{row.cell(a)}</td>)}
                  </tr>
                ))}
                <tr>
                  <td className="text-slate-600">{t("comments")}</td>
                  {detail.annotations.map((a) => (
                    <td key={a.assignmentId} className="max-w-xs whitespace-pre-wrap">
                      {[...a.comments, ...(a.overallComment ? [t("overallComment", { comment: a.overallComment })] : []), ...(a.skipReason ? [t("skipReason", { reason: a.skipReason })] : [])].join("\n") || "—"}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          )}
          {axisByKey.size === 0 ? null : <p className="mt-2 text-xs text-slate-600">{t("legend")}</p>}
        </section>
      </div>
    </AppShell>
  );
}
