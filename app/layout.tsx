import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { IntlScope } from "@/components/ui/intl-scope";
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
  // The request's language and time zone, and the shared messages, for client components; each part
  // of the app adds its own namespaces in its layout (components/ui/intl-scope.tsx).
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <IntlScope namespaces={[]}>{children}</IntlScope>
      </body>
    </html>
  );
}
