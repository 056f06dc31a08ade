import { createHmac, timingSafeEqual } from "node:crypto";

// Webhook signatures as the common providers make them (Stripe, Svix): HMAC-SHA256, keyed by the
// webhook's secret, over "<unix seconds>.<raw body>", sent as
//   Consilium-Signature: t=<unix seconds>,v1=<hex digest>
// The timestamp inside the signed text lets a receiver refuse replays older than a few minutes.

export const SIGNATURE_HEADER = "consilium-signature";
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export function signatureFor(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${signatureFor(secret, t, body)}`;
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "mismatch" | "too_old" };

/** What a receiver runs (README "Verifying webhooks" shows the same in a dozen lines). */
export function verifySignature(secret: string, header: string | null | undefined, body: string, opts: { now?: number; toleranceSeconds?: number } = {}): VerifyResult {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(signatureFor(secret, timestamp, body), "hex");
  if (!timingSafeEqual(expected, Buffer.from(parts.v1, "hex"))) return { ok: false, reason: "mismatch" };
  const age = Math.abs((opts.now ?? Date.now()) / 1000 - timestamp);
  if (age > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: "too_old" };
  return { ok: true, timestamp };
}
