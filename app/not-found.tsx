import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

/** Also what anyone gets for something they may not see (ownership is answered with "not found"). */
export default function NotFound() {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3" aria-label="Main">
          <Link href="/" className="font-semibold tracking-tight text-slate-900">Consilium</Link>
          <Link href="/queue" className="text-sm text-slate-600 hover:text-slate-900">My queue</Link>
          <Link href="/projects" className="text-sm text-slate-600 hover:text-slate-900">Projects</Link>
        </nav>
      </header>
      <main className="mx-auto max-w-md px-4 py-24 text-center">
        <h1 className="text-2xl font-semibold" data-testid="not-found">Page not found</h1>
        <p className="mt-2 text-slate-600">It does not exist, or it is not shared with you.</p>
        <Link className="mt-6 inline-block text-blue-700 underline" href="/">Go to your start page</Link>
      </main>
    </div>
  );
}
