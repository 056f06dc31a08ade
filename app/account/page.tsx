import type { Metadata } from "next";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { ChangePasswordForm } from "@/components/account/password-form";
import { LanguageForm } from "@/components/account/language-form";
import { getTranslations } from "next-intl/server";
import { CreateTokenForm, RevokeTokenButton } from "@/components/account/token-forms";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requirePageActor } from "@/lib/auth/session";
import { scopesForRole } from "@/lib/auth/token-scopes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

// "YYYY-MM-DD HH:MM" (UTC), the same in every language.
const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "—");

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const actor = await requirePageActor("account:manage");
  const [{ notice }, tc, t, tRoles] = await Promise.all([searchParams, getTranslations("common.language"), getTranslations("account"), getTranslations("common.roles")]);
  const tokens = await listApiTokens(actor.id);
  const scopes = scopesForRole(actor.role).map((s) => ({ scope: s, description: t(`tokens.scopeHelp.${s}`) }));
  const headers = [t("tokens.columns.name"), t("tokens.columns.token"), t("tokens.columns.scopes"), t("tokens.columns.created"), t("tokens.columns.lastUsed"), t("tokens.columns.expires"), t("tokens.columns.status"), ""];
  return (
    <AppShell actor={actor}>
      <PageTitle sub={`${actor.email} · ${tRoles(actor.role)}`}>{t("heading")}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section className={cardClass} aria-labelledby="tokens-heading">
          <h2 id="tokens-heading" className="mb-1 font-medium">{t("tokens.heading")}</h2>
          <p className="mb-3 text-sm text-slate-600">
            {t.rich("tokens.intro", { header: "Authorization: Bearer <token>", path: "/api/v1", code: (chunks) => <code>{chunks}</code> })}
          </p>
          {tokens.length ? (
            <table className="mb-4 w-full text-start text-sm" data-testid="tokens-table">
              <thead className="text-slate-500">
                <tr>{headers.map((h, i) => <th key={i} className="px-2 py-2 font-normal">{h}</th>)}</tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} className="border-t border-slate-100 align-top">
                    <td className="px-2 py-2">{token.name}</td>
                    <td className="px-2 py-2 font-mono text-xs">{token.prefix}…</td>
                    <td className="px-2 py-2 text-xs">{token.scopes.join(", ")}</td>
                    <td className="whitespace-nowrap px-2 py-2 text-xs">{when(token.createdAt)}</td>
                    <td className="whitespace-nowrap px-2 py-2 text-xs">{when(token.lastUsedAt)}</td>
                    <td className="whitespace-nowrap px-2 py-2 text-xs">{when(token.expiresAt)}</td>
                    <td className="px-2 py-2">{t(`tokens.status.${token.status}`)}</td>
                    <td className="px-2 py-2 text-end">{token.status === "active" ? <RevokeTokenButton tokenId={token.id} name={token.name} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mb-4 text-sm text-slate-600">{t("tokens.none")}</p>
          )}
          <CreateTokenForm scopes={scopes} />
        </section>
        <div className="space-y-6">
          <section className={cardClass} aria-labelledby="language-heading">
            <h2 id="language-heading" className="mb-3 font-medium">{tc("heading")}</h2>
            {notice === "language" ? <p role="status" className="mb-3 text-sm text-green-800">{tc("saved")}</p> : null}
            <LanguageForm current={actor.locale ?? null} />
          </section>
          <section className={cardClass} aria-labelledby="password-heading">
            <h2 id="password-heading" className="mb-3 font-medium">{t("passwordHeading")}</h2>
            <ChangePasswordForm />
          </section>
        </div>
      </div>
    </AppShell>
  );
}
