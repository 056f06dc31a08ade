import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.notFound");
  return { title: t("title") };
}

/** Also what anyone gets for something they may not see (ownership is answered with "not found"). */
export default async function NotFound() {
  const [t, tc] = await Promise.all([getTranslations("auth.notFound"), getTranslations("common.nav")]);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3" aria-label={tc("main")}>
          <Link href="/" className="font-semibold tracking-tight text-slate-900">Consilium</Link>
          <Link href="/queue" className="text-sm text-slate-600 hover:text-slate-900">{tc("queue")}</Link>
          <Link href="/projects" className="text-sm text-slate-600 hover:text-slate-900">{tc("projects")}</Link>
        </nav>
      </header>
      <main className="mx-auto max-w-md px-4 py-24 text-center">
        <h1 className="text-2xl font-semibold" data-testid="not-found">{t("heading")}</h1>
        <p className="mt-2 text-slate-600">{t("help")}</p>
        <Link className="mt-6 inline-block text-blue-700 underline" href="/">{t("home")}</Link>
      </main>
    </div>
  );
}
