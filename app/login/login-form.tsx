"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";

const NOTICES = ["password-changed", "password-reset"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | undefined): value is Notice => (NOTICES as readonly string[]).includes(value ?? "");

/** A sign-in failure: wrong credentials, or "RateLimited:<seconds>" from lib/auth/next-auth.ts. */
type SignInError = { kind: "invalid" } | { kind: "limited"; seconds: number };

function readError(code: string | undefined): SignInError {
  const limited = /^RateLimited:(\d+)$/.exec(code ?? "");
  return limited ? { kind: "limited", seconds: Number(limited[1]) } : { kind: "invalid" };
}

export function LoginForm({ notice }: { notice?: string }) {
  const router = useRouter();
  const t = useTranslations("auth.login");
  const [error, setError] = useState<SignInError | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (!result || result.error) {
      setPending(false);
      setError(readError(result?.error ?? undefined));
      return;
    }
    // One navigation: "/" answers with a redirect to the role's start page (no extra refresh).
    router.replace("/");
  }

  const describe = (e: SignInError) =>
    e.kind === "invalid"
      ? t("invalid")
      : t("rateLimited", { wait: e.seconds < 90 ? t("seconds", { count: e.seconds }) : t("minutes", { count: Math.ceil(e.seconds / 60) }) });

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {isNotice(notice) ? <p className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="login-notice">{t(`notices.${notice}`)}</p> : null}
      <div>
        <label className={labelClass} htmlFor="email">{t("email")}</label>
        <input className={inputClass} id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div>
        <label className={labelClass} htmlFor="password">{t("password")}</label>
        <input className={inputClass} id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error ? <p className="text-sm text-red-700" data-testid="login-error">{describe(error)}</p> : null}
      <button className={`${buttonClass} w-full`} type="submit" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
