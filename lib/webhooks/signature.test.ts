import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { signatureHeader, verifySignature } from "./signature";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ event: "batch.completed", data: { batchId: "b1" } });
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);

  it("is HMAC-SHA256 over '<timestamp>.<body>' with the secret", () => {
    const header = signatureHeader(secret, body, now);
    const t = Math.floor(now / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`);
    expect(verifySignature(secret, header, body, { now })).toEqual({ ok: true, timestamp: t });
  });

  it("refuses a changed body, a wrong secret, a malformed header and an old timestamp", () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(secret, header, body.replace("b1", "b2"), { now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature("other", header, body, { now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(secret, "v1=abc", body, { now })).toEqual({ ok: false, reason: "malformed" });
    expect(verifySignature(secret, null, body, { now })).toEqual({ ok: false, reason: "malformed" });
    expect(verifySignature(secret, header, body, { now: now + 10 * 60 * 1000 })).toEqual({ ok: false, reason: "too_old" });
  });
});
