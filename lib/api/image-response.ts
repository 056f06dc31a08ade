/**
 * An image the server stored, sent to one user: private caching (the answer depends on who asks), no
 * sniffing, and a sandboxing CSP in case a file is not the image it claims to be.
 */
export function imageResponse(body: Buffer, contentType: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Cache-Control": "private, max-age=3600",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
