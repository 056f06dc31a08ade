// The session cookie exactly as next-auth makes it at sign-in: authorize → jwt callback → encrypted JWT.
process.env.NEXTAUTH_SECRET ??= "test-secret-not-for-production";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<Record<string, unknown> | null>;

/** Signs in through the credentials provider and returns the session JWT (the cookie's value). */
export async function signInSessionToken(email: string, password: string, ip = "127.0.0.1"): Promise<{ token: string; claims: Record<string, unknown> }> {
  const { authOptions } = await import("@/lib/auth/next-auth");
  const { encode } = await import("next-auth/jwt");
  const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
  const user = await provider.options.authorize({ email, password }, { headers: { "x-consilium-client-address": ip, "x-forwarded-for": ip } });
  if (!user) throw new Error("sign-in failed");
  const claims = (await authOptions.callbacks!.jwt!({
    token: { sub: String(user.id), name: user.name as string, email: user.email as string },
    user: user as never,
    account: { providerAccountId: String(user.id), type: "credentials", provider: "credentials" },
    trigger: "signIn",
  } as never)) as Record<string, unknown>;
  return { token: await encode({ token: claims, secret: authOptions.secret! }), claims };
}

export const SESSION_COOKIE = "next-auth.session-token";
