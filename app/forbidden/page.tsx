import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold" data-testid="forbidden">You do not have access to that page</h1>
      <p className="mt-2 text-slate-600">Ask an administrator if you think you should.</p>
      <Link className="mt-6 inline-block text-blue-700 underline" href="/">Go to your start page</Link>
    </main>
  );
}
