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

const SSO_REASONS = ["no_email", "unverified", "domain", "inactive", "linked_elsewhere"] as const;
type SsoReason = (typeof SSO_REASONS)[number];
export type SsoOption = { name: string; only: boolean; domains: string[] } | null;

/** Why a single sign-on came back refused (lib/auth/sso.ts), or failed in next-auth ("OAuthCallback", …). */
function ssoProblem(error: string | undefined, reason: string | undefined): SsoReason | "failed" | "ssoOnly" | null {
  if (!error) return null;
  if (error === "SsoRefused") return (SSO_REASONS as readonly string[]).includes(reason ?? "") ? (reason as SsoReason) : "failed";
  if (error === "SsoOnly") return "ssoOnly";
  return /^(OAuth|Callback|OAuthAccountNotLinked|Configuration|AccessDenied)/.test(error) ? "failed" : null;
}

export function LoginForm({ notice, sso = null, error: redirectError, reason }: { notice?: string; sso?: SsoOption; error?: string; reason?: string }) {
  const router = useRouter();
  const t = useTranslations("auth.login");
  const [error, setError] = useState<SignInError | null>(null);
  const [pending, setPending] = useState(false);
  const ts = useTranslations("auth.sso");
  const refused = ssoProblem(redirectError, reason);

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

  const ssoBlock = sso ? (
    <div className="space-y-2">
      <button type="button" className={`${buttonClass} w-full`} onClick={() => void signIn("oidc", { callbackUrl: "/" })}>
        {ts("button", { name: sso.name })}
      </button>
      {sso.only ? null : <p className="text-center text-xs text-slate-600">{ts("or")}</p>}
    </div>
  ) : null;
  const refusal = refused ? (
    <p className="text-sm text-red-700" role="alert" data-testid="login-error">
      {ts(`refused.${refused}`, { domains: sso?.domains.join(", ") ?? "" })}
    </p>
  ) : null;

  if (sso?.only) {
    return (
      <div className="space-y-4">
        {refusal}
        {ssoBlock}
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {refusal}
      {ssoBlock}
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
