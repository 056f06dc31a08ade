import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, isHttps, newNonce } from "@/lib/security/headers";

// Per-request security headers (STYLE.md: the proxy only redirects or decorates; it is not an
// authorization layer). Pages get a Content-Security-Policy with a fresh nonce, passed to Next on
// the request so it marks its own scripts; every response gets HSTS when served over https.
// Static headers (frame, sniffing, referrer, Permissions-Policy) are in next.config.ts.
export function proxy(request: NextRequest) {
  const https = isHttps(request.headers);
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  let response: NextResponse;
  if (isApi) {
    response = NextResponse.next();
  } else {
    const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development", https });
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
    response.headers.set("Content-Security-Policy", csp);
  }
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
