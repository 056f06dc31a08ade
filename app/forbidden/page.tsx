import Link from "next/link";
import { useTranslations } from "next-intl";

export default function Forbidden() {
  const t = useTranslations("auth.forbidden");
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold" data-testid="forbidden">{t("heading")}</h1>
      <p className="mt-2 text-slate-600">{t("help")}</p>
      <Link className="mt-6 inline-block text-blue-700 underline" href="/">{t("home")}</Link>
    </main>
  );
}
