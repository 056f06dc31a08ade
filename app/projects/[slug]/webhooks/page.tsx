import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { CreateWebhookForm, WebhookControls } from "@/components/integrations/webhook-forms";
import { requireProjectPage } from "@/lib/projects/page-access";
import { eventKey, type WebhookEvent } from "@/lib/webhooks/events";
import { listDeliveries, listWebhooks } from "@/lib/webhooks/webhooks";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, project } = await requireProjectPage(slug, "project:manage");
  const [{ webhooks }, t, format] = await Promise.all([listWebhooks(actor, project.slug), getTranslations("webhooks"), getFormatter()]);
  const logs = await Promise.all(webhooks.map((h) => listDeliveries(actor, project.slug, h.id)));
  return (
    <AppShell actor={actor}>
      <PageTitle sub={<Link className="text-blue-800 underline" href={`/projects/${project.slug}`}><span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {project.name}</Link>}>{t("title")}</PageTitle>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t.rich("intro", { code: (c) => <code>{c}</code> })}</p>
      <div className="space-y-4">
        {webhooks.map((hook, i) => (
          <section key={hook.id} className={cardClass} aria-label={hook.url} data-testid="webhook">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="font-mono text-sm [overflow-wrap:anywhere]" dir="ltr">{hook.url}</p>
                <p className="mt-1 text-xs text-slate-600">{hook.events.map((e) => t(`events.${eventKey(e as WebhookEvent)}` as "events.batch_completed")).join(" · ")}</p>
                <p className="mt-1 text-xs">{hook.isActive ? <span className="text-green-800">● {t("active")}</span> : <span className="text-slate-600">○ {t("paused")}</span>}</p>
              </div>
              <WebhookControls slug={project.slug} webhookId={hook.id} isActive={hook.isActive} />
            </div>
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-slate-700">{t("secret")}</summary>
              <p className="mt-1 text-xs text-slate-600">{t("secretHelp")}</p>
              <code className="mt-1 block select-all rounded bg-slate-100 px-2 py-1 text-xs" dir="ltr" data-testid="webhook-secret">{hook.secret}</code>
            </details>
            <h3 className="mb-1 mt-3 text-sm font-medium">{t("log")}</h3>
            {logs[i].length ? (
              <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("log")}>
                <table className="w-full text-start text-xs [&_td]:py-1 [&_td]:pe-3 [&_th]:pe-3 [&_th]:font-normal [&_th]:text-slate-600" data-testid="delivery-log">
                  <thead>
                    <tr><th>{t("when")}</th><th>{t("event")}</th><th>{t("status")}</th><th>{t("attempts")}</th><th>{t("response")}</th><th>{t("error")}</th></tr>
                  </thead>
                  <tbody>
                    {logs[i].map((d) => (
                      <tr key={d.id} className="border-t border-slate-100 align-top">
                        <td className="whitespace-nowrap">{format.dateTime(d.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                        <td className="font-mono" dir="ltr">{d.event}</td>
                        <td>{t(`deliveryStatus.${d.status as "pending" | "delivered" | "failed"}`)}</td>
                        <td>{format.number(d.attempts)}</td>
                        <td className="font-mono">{d.responseStatus ?? "—"}</td>
                        <td className="max-w-xs [overflow-wrap:anywhere]">{d.error ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="text-xs text-slate-600">{t("noDeliveries")}</p>
            )}
          </section>
        ))}
        <section className={cardClass} aria-labelledby="new-webhook">
          <h2 id="new-webhook" className="mb-3 font-medium">{t("add")}</h2>
          <CreateWebhookForm slug={project.slug} />
        </section>
      </div>
    </AppShell>
  );
}
