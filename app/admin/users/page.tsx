import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { listLockouts } from "@/lib/auth/login-throttle";
import { listUsers } from "@/lib/auth/users";
import { CreateUserForm, InviteUserForm, LiftLockoutButton, ResetLinkButton, UserActiveToggle, UserProfileForm } from "@/components/admin/user-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("metaTitle") };
}

const cell = "px-3 py-2";
const time = (d: Date) => d.toISOString().slice(11, 16) + " UTC";

export default async function UsersPage() {
  const actor = await requirePageActor("user:manage");
  const [users, lockouts, t, tc] = await Promise.all([listUsers(), listLockouts(), getTranslations("admin.users"), getTranslations("common")]);
  const columns = [t("columns.name"), t("columns.email"), t("columns.role"), t("columns.profile"), t("columns.status"), ""];
  const lockoutColumns = [t("lockouts.columns.account"), t("lockouts.columns.address"), t("lockouts.columns.failures"), t("lockouts.columns.until"), ""];
  return (
    <AppShell actor={actor}>
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <div className={`${cardClass} overflow-x-auto`} tabIndex={0}>
            <table className="w-full text-start text-sm" data-testid="users-table">
              <thead className="text-slate-500">
                <tr>{columns.map((h, i) => <th key={i} className={`${cell} font-normal`}>{h}</th>)}</tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} className="border-t border-slate-100 align-top">
                    <td className={cell}>{u.name}</td>
                    <td className={`${cell} break-all`}>{u.email}</td>
                    <td className={cell}>{tc(`roles.${u.role}`)}</td>
                    <td className={cell} data-testid={`profile-${u.email}`}>
                      {[u.specialty, u.languages.length ? u.languages.join(", ") : null, u.yearsOfExperience !== null ? t("years", { years: u.yearsOfExperience }) : null].filter(Boolean).join(" · ") || "—"}
                      <UserProfileForm user={u} />
                    </td>
                    <td className={cell}>{u.isActive ? t("active") : <span className="text-red-700">{t("deactivated")}</span>}</td>
                    <td className={`${cell} space-y-1 text-end`}>
                      {u.id !== actor.id ? <UserActiveToggle userId={u.id} isActive={u.isActive} /> : null}
                      {u.isActive ? <ResetLinkButton userId={u.id} email={u.email} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <section className={cardClass} aria-labelledby="lockouts-heading" data-testid="lockouts">
            <h2 id="lockouts-heading" className="font-medium">{t("lockouts.heading")}</h2>
            <p className="mb-3 text-sm text-slate-600">{t("lockouts.help")}</p>
            {lockouts.length ? (
              <table className="w-full text-start text-sm">
                <thead className="text-slate-500">
                  <tr>{lockoutColumns.map((h, i) => <th key={i} className={`${cell} font-normal`}>{h}</th>)}</tr>
                </thead>
                <tbody>
                  {lockouts.map((l) => (
                    <tr key={`${l.kind}-${l.kind === "account" ? l.email : ""}-${l.ip}`} className="border-t border-slate-100">
                      <td className={`${cell} break-all`}>{l.kind === "account" ? l.email : <em>{t("lockouts.everyAccount")}</em>}</td>
                      <td className={cell}>{l.ip ?? t("lockouts.unknown")}</td>
                      <td className={cell}>{l.failures}</td>
                      <td className={cell}>{time(l.retryAt)}</td>
                      <td className={`${cell} text-end`}><LiftLockoutButton email={l.kind === "account" ? l.email : undefined} ip={l.ip} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="text-sm text-slate-600" data-testid="no-lockouts">{t("lockouts.none")}</p>
            )}
          </section>
        </div>
        <div className="space-y-6">
          <div className={cardClass}>
            <h2 className="mb-1 font-medium">{t("invite.heading")}</h2>
            <p className="mb-3 text-xs text-slate-600">{t("invite.help")}</p>
            <InviteUserForm />
          </div>
          <div className={cardClass}>
            <h2 className="mb-3 font-medium">{t("create.heading")}</h2>
            <CreateUserForm />
          </div>
        </div>
      </div>
    </AppShell>
  );
}
