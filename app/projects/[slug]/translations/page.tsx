import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AxisTranslationsForm } from "@/components/translations/axis-translations-form";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { loadAxisTranslations } from "@/lib/projects/axis-translations";
import { TRANSLATABLE_LOCALES, type TranslatableLocale } from "@/lib/projects/axis-translations-schema";
import { requireProjectPage } from "@/lib/projects/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("translations"))("title") };
}

export default async function TranslationsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ locale?: string }> }) {
  const [{ slug }, { locale: asked }] = await Promise.all([params, searchParams]);
  const { actor } = await requireProjectPage(slug, "project:manage");
  const [{ project, axes, translations }, t] = await Promise.all([loadAxisTranslations(actor, slug), getTranslations("translations")]);
  const locale: TranslatableLocale = (TRANSLATABLE_LOCALES as readonly string[]).includes(asked ?? "") ? (asked as TranslatableLocale) : "es";
  return (
    <AppShell actor={actor}>
      <PageTitle sub={<Link className="text-blue-800 underline" href={`/projects/${project.slug}`}><span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {project.name}</Link>}>{t("title")}</PageTitle>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <nav aria-label={t("languages")} className="mb-4 flex flex-wrap gap-2">
        {TRANSLATABLE_LOCALES.map((l) => (
          <Link key={l} href={`/projects/${project.slug}/translations?locale=${l}`} lang={l} aria-current={l === locale ? "page" : undefined}
            className={`rounded-md border px-3 py-1 text-sm ${l === locale ? "border-blue-700 bg-blue-50 font-medium text-blue-900" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}>
            {LOCALE_NAMES[l]} ({Object.keys(translations[l] ?? {}).length}/{axes.length})
          </Link>
        ))}
      </nav>
      <section className={cardClass}>
        {axes.length ? (
          <AxisTranslationsForm
            key={locale}
            slug={project.slug}
            locale={locale}
            axes={axes.map((a) => ({ key: a.key, label: a.label, help: a.help ?? "", options: ((a.options as Array<{ value: string; label: string }> | null) ?? []).map((o) => ({ value: o.value, label: o.label })) }))}
            current={translations[locale] ?? {}}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("noAxes")}</p>
        )}
      </section>
    </AppShell>
  );
}
