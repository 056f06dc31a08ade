"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";

const NOTICES: Record<string, string> = {
  "password-changed": "Your password was changed and every session was signed out. Sign in with the new password.",
  "password-reset": "Your new password is set. Sign in with it.",
};

const INVALID = "Email or password is incorrect, or the account is deactivated.";

/** next-auth's error text → a sentence; "RateLimited:<seconds>" comes from lib/auth/next-auth.ts. */
function describeError(code: string | undefined): string {
  const limited = /^RateLimited:(\d+)$/.exec(code ?? "");
  if (!limited) return INVALID;
  const seconds = Number(limited[1]);
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed attempts for this account from this computer. Wait ${wait} and try again, or ask an admin to lift the lock.`;
}

export function LoginForm({ notice }: { notice?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (!result || result.error) {
      setPending(false);
      setError(describeError(result?.error ?? undefined));
      return;
    }
    // One navigation: "/" answers with a redirect to the role's start page (no extra refresh).
    router.replace("/");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {notice && NOTICES[notice] ? <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="login-notice">{NOTICES[notice]}</p> : null}
      <div>
        <label className={labelClass} htmlFor="email">Email</label>
        <input className={inputClass} id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div>
        <label className={labelClass} htmlFor="password">Password</label>
        <input className={inputClass} id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error ? <p className="text-sm text-red-700" data-testid="login-error">{error}</p> : null}
      <button className={`${buttonClass} w-full`} type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
