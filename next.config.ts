import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PERMISSIONS_POLICY } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // pg, Prisma's adapter and argon2's native binding use Node built-ins; keep them out of the bundle.
  serverExternalPackages: ["pg", "pg-copy-streams", "pg-boss", "@prisma/adapter-pg", "@node-rs/argon2"],
  poweredByHeader: false,
  async headers() {
    // Fixed headers for every response; the per-request CSP (nonce) and HSTS are set in proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
    ];
  },
};

// next-intl reads the request's language and messages from lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
