import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and Prisma's adapter use Node built-ins; keep them out of the server bundle.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
