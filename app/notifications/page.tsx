import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { listNotifications, type NotificationKind } from "@/lib/notifications/notifications";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const actor = await requirePageActor("account:manage");
  const [notices, t, format] = await Promise.all([listNotifications(actor.id), getTranslations("notifications"), getFormatter()]);
  const unread = notices.filter((n) => !n.readAt).length;
  const date = (iso: unknown) => (typeof iso === "string" ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : "");
  return (
    <AppShell actor={actor}>
      <PageTitle sub={t("unread", { count: unread })}>{t("title")}</PageTitle>
      {unread ? <div className="mb-3"><MarkReadButton label={t("markAllRead")} /></div> : null}
      <section className={cardClass}>
        {notices.length ? (
          <ul className="divide-y divide-slate-100" data-testid="notifications">
            {notices.map((n) => {
              const d = n.data as Record<string, string | number | null>;
              const text = t(`kinds.${n.kind as NotificationKind}`, {
                batch: String(d.batchName ?? ""),
                project: String(d.projectName ?? ""),
                count: Number(d.count ?? d.open ?? d.records ?? 0),
                submitted: Number(d.submitted ?? 0),
                skipped: Number(d.skipped ?? 0),
                format: String(d.format ?? ""),
                due: date(d.dueAt),
              });
              return (
                <li key={n.id} className="flex items-start justify-between gap-3 py-2 text-sm" data-unread={n.readAt ? undefined : "true"}>
                  <div>
                    {/* Unread is said in words, not only by weight. */}
                    {n.readAt ? null : <span className="me-2 rounded bg-blue-100 px-1.5 py-0.5 text-xs font-medium text-blue-900">{t("new")}</span>}
                    {n.href ? <Link className="text-blue-800 underline" href={n.href}>{text}</Link> : text}
                    <p className="text-xs text-slate-600">{format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}</p>
                  </div>
                  {n.readAt ? null : <MarkReadButton id={n.id} label={t("markRead")} />}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("none")}</p>
        )}
      </section>
    </AppShell>
  );
}
