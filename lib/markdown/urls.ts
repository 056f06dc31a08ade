// Which URLs the renderer lets through. Links: relative URLs, or http(s)/mailto — the same rule as
// the sanitizer's protocol list, so both lines of defence agree. Images: same-origin paths, inline
// data:image/ URLs, and https images whose host the project allow-lists (remote images leak the
// reviewer's IP and can carry tracking).

export function isSafeHref(href: string): boolean {
  const colon = href.indexOf(":");
  if (colon === -1) return true;
  const delimiter = href.search(/[/?#]/);
  if (delimiter !== -1 && delimiter < colon) return true;
  return /^(?:https?|mailto):/i.test(href);
}

function isSameOriginPath(src: string): boolean {
  // "/x" is same-origin, but "//host/x" and "/\host/x" are protocol-relative in browsers.
  return src.startsWith("/") && !src.startsWith("//") && !src.startsWith("/\\");
}

export function normalizeHosts(hosts: readonly string[] | undefined): string[] {
  return (hosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean);
}

/** `hosts` must be normalized (normalizeHosts). */
export function isAllowedImage(src: string, hosts: readonly string[]): boolean {
  if (src.startsWith("data:image/")) return true;
  if (isSameOriginPath(src)) return true;
  if (hosts.length === 0 || !src.startsWith("https://")) return false;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password) return false;
  return hosts.includes(url.host.toLowerCase());
}
