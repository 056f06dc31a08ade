import type { Metadata } from "next";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { ChangePasswordForm } from "@/components/account/password-form";
import { LanguageForm } from "@/components/account/language-form";
import { getTranslations } from "next-intl/server";
import { CreateTokenForm, RevokeTokenButton } from "@/components/account/token-forms";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requirePageActor } from "@/lib/auth/session";
import { API_SCOPES, scopesForRole } from "@/lib/auth/token-scopes";

export const metadata: Metadata = { title: "Account" };

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "—");

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const actor = await requirePageActor("account:manage");
  const [{ notice }, tc] = await Promise.all([searchParams, getTranslations("common.language")]);
  const tokens = await listApiTokens(actor.id);
  const scopes = scopesForRole(actor.role).map((s) => ({ scope: s, description: API_SCOPES[s] }));
  return (
    <AppShell actor={actor}>
      <PageTitle sub={`${actor.email} · ${actor.role.toLowerCase()}`}>Your account</PageTitle>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section className={cardClass} aria-labelledby="tokens-heading">
          <h2 id="tokens-heading" className="mb-1 font-medium">API tokens</h2>
          <p className="mb-3 text-sm text-slate-600">
            For scripts: send <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/v1</code>. A token can do only what its scopes name, never more than your role.
          </p>
          {tokens.length ? (
            <table className="mb-4 w-full text-start text-sm" data-testid="tokens-table">
              <thead className="text-slate-500">
                <tr>{["Name", "Token", "Scopes", "Created", "Last used", "Expires", "Status", ""].map((h) => <th key={h} className="px-2 py-2 font-normal">{h}</th>)}</tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id} className="border-t border-slate-100 align-top">
                    <td className="px-2 py-2">{t.name}</td>
                    <td className="px-2 py-2 font-mono text-xs">{t.prefix}…</td>
                    <td className="px-2 py-2 text-xs">{t.scopes.join(", ")}</td>
                    <td className="whitespace-nowrap px-2 py-2 text-xs">{when(t.createdAt)}</td>
                    <td className="whitespace-nowrap px-2 py-2 text-xs">{when(t.lastUsedAt)}</td>
                    <td className="whitespace-nowrap px-2 py-2 text-xs">{when(t.expiresAt)}</td>
                    <td className="px-2 py-2">{t.status}</td>
                    <td className="px-2 py-2 text-end">{t.status === "active" ? <RevokeTokenButton tokenId={t.id} name={t.name} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mb-4 text-sm text-slate-600">No tokens yet.</p>
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
            <h2 id="password-heading" className="mb-3 font-medium">Change password</h2>
            <ChangePasswordForm />
          </section>
        </div>
      </div>
    </AppShell>
  );
}
