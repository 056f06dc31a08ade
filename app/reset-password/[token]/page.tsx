import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { findPasswordReset } from "@/lib/auth/password-reset";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reset");
  return { title: t("title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [reset, t] = await Promise.all([findPasswordReset(token), getTranslations("auth.reset")]);
  const invite = reset?.purpose === "invite";
  // The expiry as "YYYY-MM-DD HH:MM" UTC, the same in every language.
  const until = reset ? reset.expiresAt.toISOString().slice(0, 16).replace("T", " ") : "";
  return (
    <main className="mx-auto max-w-sm px-4 py-24">
      <h1 className="text-2xl font-semibold tracking-tight">{invite ? t("welcome") : t("title")}</h1>
      {reset ? (
        <>
          <p className="mb-6 mt-1 text-sm text-slate-600" data-testid="reset-for">
            {invite ? t("invitedFor", { name: reset.name, email: reset.email, until }) : t("resetFor", { email: reset.email, until })}
          </p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="mt-4 text-sm text-red-700" data-testid="reset-invalid">
          {t.rich("invalid", { link: (chunks) => <Link className="text-blue-700 underline" href="/login">{chunks}</Link> })}
        </p>
      )}
    </main>
  );
}
