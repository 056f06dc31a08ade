import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { findPasswordReset } from "@/lib/auth/password-reset";

export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findPasswordReset(token);
  const invite = reset?.purpose === "invite";
  return (
    <main className="mx-auto max-w-sm px-4 py-24">
      <h1 className="text-2xl font-semibold tracking-tight">{invite ? "Welcome to Consilium" : "Set a new password"}</h1>
      {reset ? (
        <>
          <p className="mb-6 mt-1 text-sm text-slate-600" data-testid="reset-for">
            {invite ? <>{reset.name}, you were invited as {reset.email}: choose your password to activate the account. </> : <>For {reset.email}. </>}
            This link works once, until {reset.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.
          </p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="mt-4 text-sm text-red-700" data-testid="reset-invalid">
          This reset link does not work: it was used already, has expired, or a newer link replaced it. Ask an admin for a new one.{" "}
          <Link className="text-blue-700 underline" href="/login">Sign in</Link>
        </p>
      )}
    </main>
  );
}
