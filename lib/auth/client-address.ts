// Which address a request came from, for login throttling. Next.js does not expose the socket's
// address, and it keeps a client-sent X-Forwarded-For as is, so the app cannot tell a forged
// header from a proxy's. scripts/serve.ts (what `npm start` and the e2e tests run) therefore
// stamps every request with the address below, computed from the socket and TRUST_PROXY_HOPS,
// after deleting any copy the client sent. docs/decisions/007-access-and-accounts.md

export const CLIENT_ADDRESS_HEADER = "x-consilium-client-address";

function normalize(address: string): string {
  const a = address.trim().replace(/^\[|\]$/g, "");
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

/**
 * The client's address: the socket peer when no proxy is trusted; with `hops` trusted reverse
 * proxies, the address that many entries from the right of [X-Forwarded-For…, peer] (each proxy
 * appends the address it saw, so entries further left were written by the client and are ignored).
 */
export function clientAddressFromChain(forwardedFor: string | string[] | undefined, peer: string | undefined, hops: number): string | null {
  const forwarded = hops > 0 ? [forwardedFor ?? []].flat().flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean) : [];
  const chain = [...forwarded, ...(peer ? [peer] : [])].map(normalize);
  if (!chain.length) return null;
  return chain[Math.max(0, chain.length - 1 - hops)];
}

type HeaderBag = Record<string, unknown> | Headers | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
}

let warned = false;

/** The stamped address; without scripts/serve.ts, Next's own X-Forwarded-For (forgeable: warned once). */
export function requestClientAddress(headers: HeaderBag): string | null {
  const stamped = header(headers, CLIENT_ADDRESS_HEADER);
  if (stamped) return stamped;
  if (!warned) {
    warned = true;
    console.warn("consilium: requests are not stamped with the client address; serve the app with `npm start` (scripts/serve.ts) so login throttling cannot be bypassed with a forged X-Forwarded-For.");
  }
  const forwarded = header(headers, "x-forwarded-for")?.split(",").map((v) => v.trim()).filter(Boolean);
  return forwarded?.length ? normalize(forwarded[forwarded.length - 1]) : null;
}
