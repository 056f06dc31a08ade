import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasSitePermission, type Actor } from "@/lib/auth/permissions";
import { loadNavigationReach } from "@/lib/projects/access";
import { unreadNotificationCount } from "@/lib/notifications/notifications";
import { SignOutButton } from "./sign-out-button";

/** Page frame with the navigation the actor's site and project roles allow (links only; access is checked per page). */
export async function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const [reach, t, tn, unread] = await Promise.all([loadNavigationReach(actor), getTranslations("common"), getTranslations("notifications"), unreadNotificationCount(actor.id)]);
  const links = [
    reach.reviews && { href: "/queue", label: t("nav.queue") },
    reach.projects && { href: "/projects", label: t("nav.projects") },
    hasSitePermission(actor.role, "user:manage") && { href: "/admin/users", label: t("nav.users") },
    hasSitePermission(actor.role, "audit:read") && { href: "/admin/audit", label: t("nav.audit") },
  ].filter(Boolean) as Array<{ href: string; label: string }>;
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        {/* Wraps onto two lines on a phone (390 px) instead of pushing the page sideways. */}
        <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3" aria-label={t("nav.main")}>
          <Link href="/" className="font-semibold tracking-tight text-slate-900">Consilium</Link>
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="text-sm text-slate-600 hover:text-slate-900">{l.label}</Link>
          ))}
          <Link href="/notifications" className="ms-auto text-sm text-slate-600 hover:text-slate-900" data-testid="notifications-link">
            {/* The name is the visible count plus words for screen readers; the count is text, not only a dot. */}
            <span aria-hidden="true">🔔</span>
            <span className="sr-only">{tn("title")}</span>
            {unread ? (
              <>
                <span className="ms-1 rounded-full bg-blue-700 px-1.5 text-xs font-medium text-white" data-testid="unread-count">{unread}</span>
                <span className="sr-only"> {tn("unreadShort")}</span>
              </>
            ) : null}
          </Link>
          <Link href="/account" className=" min-w-0 truncate text-sm text-slate-500 hover:text-slate-900" data-testid="whoami" title={t("nav.account")}>
            {actor.name} · {t(`roles.${actor.role}`)}
          </Link>
          <SignOutButton />
        </nav>
      </header>
      {/* Long inline code (file formats, paths) wraps rather than widening the page on a phone. */}
      <main className="mx-auto max-w-6xl px-4 py-6 [&_code]:[overflow-wrap:anywhere]">{children}</main>
    </div>
  );
}

export function PageTitle({ children, sub }: { children: React.ReactNode; sub?: React.ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight">{children}</h1>
      {sub ? <p className="mt-1 text-sm text-slate-600">{sub}</p> : null}
    </div>
  );
}
