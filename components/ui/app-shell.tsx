import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { hasPermission } from "@/lib/auth/permissions";
import { SignOutButton } from "./sign-out-button";

/** Page frame with the navigation the actor's role allows (links only; access is checked per page). */
export function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const links = [
    hasPermission(actor.role, "assignment:work") && { href: "/queue", label: "My queue" },
    hasPermission(actor.role, "project:read") && { href: "/projects", label: "Projects" },
    hasPermission(actor.role, "user:manage") && { href: "/admin/users", label: "Users" },
    hasPermission(actor.role, "audit:read") && { href: "/admin/audit", label: "Audit log" },
  ].filter(Boolean) as Array<{ href: string; label: string }>;
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        {/* Wraps onto two lines on a phone (390 px) instead of pushing the page sideways. */}
        <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3" aria-label="Main">
          <Link href="/" className="font-semibold tracking-tight text-slate-900">Consilium</Link>
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="text-sm text-slate-600 hover:text-slate-900">{l.label}</Link>
          ))}
          <Link href="/account" className="ml-auto min-w-0 truncate text-sm text-slate-500 hover:text-slate-900" data-testid="whoami" title="Your account: password and API tokens">
            {actor.name} · {actor.role.toLowerCase()}
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
