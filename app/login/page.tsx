import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ notice?: string | string[] }> }) {
  if (await getActor()) redirect("/");
  return (
    <main className="mx-auto max-w-sm px-4 py-24">
      <h1 className="text-2xl font-semibold tracking-tight">Consilium</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Physician review of medical AI outputs</p>
      <LoginForm notice={[(await searchParams).notice].flat()[0]} />
    </main>
  );
}
