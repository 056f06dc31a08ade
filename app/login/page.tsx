import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { ssoConfig } from "@/lib/auth/sso";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { LocaleMenu } from "./locale-menu";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

type Search = { notice?: string | string[]; error?: string | string[]; reason?: string | string[] };
const first = (v: string | string[] | undefined) => [v].flat()[0];

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  if (await getActor()) redirect("/");
  const [t, locale, search] = await Promise.all([getTranslations("auth.login"), getLocale(), searchParams]);
  const config = ssoConfig();
  const sso = config ? { name: config.name, only: config.ssoOnly, domains: config.allowedDomains } : null;
  return (
    <main className="mx-auto max-w-sm px-4 py-24">
      <h1 className="text-2xl font-semibold tracking-tight">Consilium</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t("tagline")}</p>
      <LoginForm notice={first(search.notice)} sso={sso} error={first(search.error)} reason={first(search.reason)} />
      <LocaleMenu current={isLocale(locale) ? locale : DEFAULT_LOCALE} />
    </main>
  );
}
