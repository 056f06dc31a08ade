import type { Metadata } from "next";
import { connection } from "next/server";
import "katex/dist/katex.min.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Consilium", template: "%s · Consilium" },
  description: "Physician review of medical AI outputs.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request so Next can put this request's CSP nonce (proxy.ts) on its
  // scripts; a page prerendered at build time would carry none and not hydrate.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
