// Security headers. The Content-Security-Policy carries a fresh nonce per page request (proxy.ts);
// Next.js reads it from the request's CSP header and puts it on its own scripts, so no inline script
// runs without it ('strict-dynamic' lets those scripts load the app's chunks). KaTeX and a few
// widgets set inline style *attributes*, which style-src-attr allows; <style> elements need the
// nonce. Images may come from https hosts a project allow-lists for vqa items.
// Guide: node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md

export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Features a review app never needs; denied for every page and any frame. */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), interest-cohort=()";

export const HSTS = "max-age=31536000";

/**
 * Served over HTTPS: the public URL says so, or the request arrived as https (Next sets
 * X-Forwarded-Proto from the socket; a TLS-terminating proxy sets it too). A client claiming https
 * over plain http gains nothing: browsers ignore HSTS received over http.
 */
export function isHttps(headers: Headers, publicUrl = process.env.NEXTAUTH_URL): boolean {
  return Boolean(publicUrl?.startsWith("https://")) || headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
}

/** 128 random bits, base64, for one response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
