import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { localeDirection, isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import "katex/dist/katex.min.css";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: "Consilium", template: "%s · Consilium" }, description: t("appDescription") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request so Next can put this request's CSP nonce (proxy.ts) on its
  // scripts; a page prerendered at build time would carry none and not hydrate.
  await connection();
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  // The provider hands the request's language, messages and time zone to client components.
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
