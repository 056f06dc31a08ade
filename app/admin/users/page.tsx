import type { Metadata } from "next";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { listLockouts } from "@/lib/auth/login-throttle";
import { listUsers } from "@/lib/auth/users";
import { CreateUserForm, InviteUserForm, LiftLockoutButton, ResetLinkButton, UserActiveToggle, UserProfileForm } from "@/components/admin/user-forms";

export const metadata: Metadata = { title: "Users" };

const cell = "px-3 py-2";
const time = (d: Date) => d.toISOString().slice(11, 16) + " UTC";

export default async function UsersPage() {
  const actor = await requirePageActor("user:manage");
  const [users, lockouts] = await Promise.all([listUsers(), listLockouts()]);
  return (
    <AppShell actor={actor}>
      <PageTitle sub="Admins manage accounts. Deactivated users cannot sign in; their work is kept.">Users</PageTitle>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <div className={`${cardClass} overflow-x-auto`} tabIndex={0}>
            <table className="w-full text-start text-sm" data-testid="users-table">
              <thead className="text-slate-500">
                <tr>{["Name", "Email", "Role", "Profile", "Status", ""].map((h) => <th key={h} className={`${cell} font-normal`}>{h}</th>)}</tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} className="border-t border-slate-100 align-top">
                    <td className={cell}>{u.name}</td>
                    <td className={`${cell} break-all`}>{u.email}</td>
                    <td className={cell}>{u.role.toLowerCase()}</td>
                    <td className={cell} data-testid={`profile-${u.email}`}>
                      {[u.specialty, u.languages.length ? u.languages.join(", ") : null, u.yearsOfExperience !== null ? `${u.yearsOfExperience} years` : null].filter(Boolean).join(" · ") || "—"}
                      <UserProfileForm user={u} />
                    </td>
                    <td className={cell}>{u.isActive ? "active" : <span className="text-red-700">deactivated</span>}</td>
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
            <h2 id="lockouts-heading" className="font-medium">Sign-in lockouts</h2>
            <p className="mb-3 text-sm text-slate-600">
              After 5 wrong passwords, an account waits ever longer (30 s up to 15 min) before the next try from that address; an address with 300 failures in 15 minutes waits too.
            </p>
            {lockouts.length ? (
              <table className="w-full text-start text-sm">
                <thead className="text-slate-500">
                  <tr>{["Account", "Address", "Failures", "Locked until", ""].map((h) => <th key={h} className={`${cell} font-normal`}>{h}</th>)}</tr>
                </thead>
                <tbody>
                  {lockouts.map((l) => (
                    <tr key={`${l.kind}-${l.kind === "account" ? l.email : ""}-${l.ip}`} className="border-t border-slate-100">
                      <td className={`${cell} break-all`}>{l.kind === "account" ? l.email : <em>every account</em>}</td>
                      <td className={cell}>{l.ip ?? "unknown"}</td>
                      <td className={cell}>{l.failures}</td>
                      <td className={cell}>{time(l.retryAt)}</td>
                      <td className={`${cell} text-end`}><LiftLockoutButton email={l.kind === "account" ? l.email : undefined} ip={l.ip} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="text-sm text-slate-600" data-testid="no-lockouts">Nobody is locked out.</p>
            )}
          </section>
        </div>
        <div className="space-y-6">
          <div className={cardClass}>
            <h2 className="mb-1 font-medium">Invite by link</h2>
            <p className="mb-3 text-xs text-slate-600">No e-mail is sent: copy the link and hand it over. The new user chooses their own password.</p>
            <InviteUserForm />
          </div>
          <div className={cardClass}>
            <h2 className="mb-3 font-medium">New user with a password</h2>
            <CreateUserForm />
          </div>
        </div>
      </div>
    </AppShell>
  );
}
