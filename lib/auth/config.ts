import { z } from "zod";

// Access settings from the environment, validated once (first use) with messages that name the
// variable. README "Configuration" documents them.
const schema = z.object({
  TRUST_PROXY_HOPS: z.coerce
    .number({ error: "TRUST_PROXY_HOPS must be a whole number (0 when no reverse proxy is in front of the app)." })
    .int({ error: "TRUST_PROXY_HOPS must be a whole number (0 when no reverse proxy is in front of the app)." })
    .min(0, { error: "TRUST_PROXY_HOPS cannot be negative." })
    .max(10, { error: "TRUST_PROXY_HOPS is at most 10." })
    .default(0),
  SESSION_MAX_AGE_HOURS: z.coerce
    .number({ error: "SESSION_MAX_AGE_HOURS must be a number of hours." })
    .min(0.05, { error: "SESSION_MAX_AGE_HOURS must be at least 0.05 (3 minutes)." })
    .max(24 * 30, { error: "SESSION_MAX_AGE_HOURS is at most 720 (30 days)." })
    .default(12),
});

export type AuthConfig = { trustProxyHops: number; sessionMaxAgeSeconds: number };

let cached: AuthConfig | undefined;

export function readAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const parsed = schema.safeParse({
    TRUST_PROXY_HOPS: env.TRUST_PROXY_HOPS || undefined,
    SESSION_MAX_AGE_HOURS: env.SESSION_MAX_AGE_HOURS || undefined,
  });
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join(" ")}`);
  return { trustProxyHops: parsed.data.TRUST_PROXY_HOPS, sessionMaxAgeSeconds: Math.round(parsed.data.SESSION_MAX_AGE_HOURS * 3600) };
}

export function authConfig(): AuthConfig {
  cached ??= readAuthConfig();
  return cached;
}
