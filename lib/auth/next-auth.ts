import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestClientAddress } from "./client-address";
import { authConfig } from "./config";
import { authenticate } from "./login";
import { loadSessionActor, SessionEndedError, type SessionClaims } from "./sessions";
import { signInWithSso, ssoConfig, type SsoClaims, type SsoConfig } from "./sso";

// Secure (__Secure-) cookie names when the public URL is https, as next-auth decides by default;
// lib/auth/session.ts reads the cookie itself and must use the same name.
const useSecureCookies = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
export function sessionCookieName(): string {
  return `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;
}

/** Error text the login form understands: "RateLimited:<seconds>" or "CredentialsSignin". */
export function loginErrorCode(result: Awaited<ReturnType<typeof authenticate>>): string {
  if (result.ok) return "";
  if (result.reason === "rate_limited") return `RateLimited:${Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000))}`;
  return "CredentialsSignin";
}

/** The institution's OpenID Connect provider (lib/auth/sso.ts); discovery, PKCE and state checks by next-auth. */
function oidcProvider(config: SsoConfig): OAuthConfig<SsoClaims> {
  return {
    id: "oidc",
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(claims) {
      return { id: String(claims.sub), email: typeof claims.email === "string" ? claims.email : null, name: typeof claims.name === "string" ? claims.name : null };
    },
  };
}

const sso = ssoConfig();

// JWT sessions keep the web tier stateless; lib/auth/sessions.ts makes them revocable.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: authConfig().sessionMaxAgeSeconds },
  useSecureCookies,
  pages: { signIn: "/login" },
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        if (sso?.ssoOnly) throw new Error("SsoOnly");
        const result = await authenticate(
          { email: credentials?.email, password: credentials?.password },
          requestClientAddress(req?.headers as Record<string, unknown> | undefined),
        );
        if (!result.ok) throw new Error(loginErrorCode(result));
        return { id: result.actor.id, email: result.actor.email, name: result.actor.name, sessionVersion: result.sessionVersion };
      },
    }),
    ...(sso ? [oidcProvider(sso)] : []),
  ],
  callbacks: {
    // An OpenID sign-in becomes our own user (created on first use) or is refused with the reason;
    // the user object handed on to jwt() below then carries our id and session version.
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc" || !sso) return true;
      const outcome = await signInWithSso(sso, (profile ?? {}) as SsoClaims);
      if (!outcome.ok) return `/login?error=SsoRefused&reason=${outcome.reason}`;
      Object.assign(user, { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name, sessionVersion: outcome.user.sessionVersion });
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.authAt = Math.floor(Date.now() / 1000);
        return token;
      }
      // Reached through /api/auth/session: an ended or too-old session is cleared, never extended.
      if (!(await loadSessionActor(token as SessionClaims))) throw new SessionEndedError();
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
  events: {
    // Signing out ends every session of the user on the server, not just this cookie.
    async signOut({ token }) {
      const claims = token as SessionClaims | null;
      if (typeof claims?.sub !== "string" || typeof claims.sv !== "number") return;
      const { count } = await getDb().user.updateMany({ where: { id: claims.sub, sessionVersion: claims.sv }, data: { sessionVersion: { increment: 1 } } });
      if (count) await recordAudit({ actorId: claims.sub, action: "auth.logout", entityType: "User", entityId: claims.sub });
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session asking /api/auth/session is expected: its cookie is cleared, nothing to report.
      if (code === "JWT_SESSION_ERROR" && (metadata as Error | undefined)?.name === "SessionEndedError") return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};
