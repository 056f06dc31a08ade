import { describe, expect, it } from "vitest";
import { clientAddressFromChain, CLIENT_ADDRESS_HEADER, requestClientAddress } from "./client-address";

describe("client address for throttling", () => {
  it("ignores X-Forwarded-For unless proxies are trusted (TRUST_PROXY_HOPS)", () => {
    expect(clientAddressFromChain("10.77.0.1", "198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientAddressFromChain(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("takes the address that many hops from the right, never the client's own entries", () => {
    // Client forged "10.77.0.1"; our nginx appended the address it saw (203.0.113.5).
    expect(clientAddressFromChain("10.77.0.1, 203.0.113.5", "10.0.0.2", 1)).toBe("203.0.113.5");
    // Two proxies: CDN appended 203.0.113.5, load balancer appended the CDN's 192.0.2.44.
    expect(clientAddressFromChain("10.77.0.1, 203.0.113.5, 192.0.2.44", "10.0.0.2", 2)).toBe("203.0.113.5");
    // Fewer entries than hops (a proxy was bypassed): the leftmost known address.
    expect(clientAddressFromChain(undefined, "10.0.0.2", 2)).toBe("10.0.0.2");
  });

  it("reads the address the server stamped, not the client's forwarded header", () => {
    expect(requestClientAddress({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "10.77.0.1" })).toBe("198.51.100.7");
  });
});
