import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttps, newNonce } from "./headers";

describe("security headers", () => {
  it("the CSP allows scripts only with the nonce, never eval or inline outside development", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { https: true })).toContain("upgrade-insecure-requests");
  });

  it("HSTS only when served over https", () => {
    expect(isHttps(new Headers({ "x-forwarded-proto": "http" }), "http://127.0.0.1:3000")).toBe(false);
    expect(isHttps(new Headers({ "x-forwarded-proto": "https" }), "http://127.0.0.1:3000")).toBe(true);
    expect(isHttps(new Headers(), "https://consilium.example-hospital.org")).toBe(true);
  });

  it("nonces are fresh", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
