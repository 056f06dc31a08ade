// Cross-site request check for cookie-authenticated mutations. Browsers send an Origin header on
// every cross-origin POST/PUT/PATCH/DELETE (and on same-origin ones), and Sec-Fetch-Site; a page on
// another origin — another port of the same host included — can forge neither. The request is ours
// when its Origin is the host the browser addressed (Host, or X-Forwarded-Host from a proxy: a page
// cannot set that header cross-site without a CORS preflight, which we never grant) or the public
// URL. Without Origin and without fetch metadata the request is not a browser's on another site's
// behalf (a script that holds the cookie already holds the credential): allowed, as Next.js does
// for server actions.

export function crossSiteProblem(headers: Headers): string | null {
  const origin = headers.get("origin");
  const refused = "Refused: this request came from another site. Use the app itself, or an API token for scripts.";
  if (!origin) {
    const site = headers.get("sec-fetch-site");
    return !site || site === "same-origin" || site === "none" ? null : refused;
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return refused; // "null" (sandboxed frames, data: URLs) or garbage
  }
  const own = new Set<string>();
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  for (const host of [headers.get("host"), forwarded]) if (host) own.add(host.toLowerCase());
  const publicUrl = process.env.NEXTAUTH_URL;
  if (publicUrl) {
    try {
      own.add(new URL(publicUrl).host.toLowerCase());
    } catch {
      /* an invalid NEXTAUTH_URL fails next-auth itself, loudly */
    }
  }
  return own.has(originHost) ? null : refused;
}
