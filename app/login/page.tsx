import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { LocaleMenu } from "./locale-menu";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ notice?: string | string[] }> }) {
  if (await getActor()) redirect("/");
  const [t, locale] = await Promise.all([getTranslations("auth.login"), getLocale()]);
  return (
    <main className="mx-auto max-w-sm px-4 py-24">
      <h1 className="text-2xl font-semibold tracking-tight">Consilium</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t("tagline")}</p>
      <LoginForm notice={[(await searchParams).notice].flat()[0]} />
      <LocaleMenu current={isLocale(locale) ? locale : DEFAULT_LOCALE} />
    </main>
  );
}
