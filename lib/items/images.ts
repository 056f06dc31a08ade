import path from "node:path";

// Images of vqa items come from one of two places, never from anywhere else:
// - a relative path under the image directory (CONSILIUM_IMAGE_DIR, default .data/images), served
//   by /api/v1/images/… to users who may see an item that references it;
// - an https URL whose host is on the project's allow-list (settings.imageHosts).

export function imageDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONSILIUM_IMAGE_DIR ?? path.join(process.cwd(), ".data", "images"));
}

function isRelativeSafePath(src: string): boolean {
  if (src.includes("\\") || src.includes("\0") || src.startsWith("/")) return false;
  const parts = src.split("/");
  return parts.every((p) => p !== "" && p !== "." && p !== "..");
}

/** Why an image source is refused at import, or null when it is acceptable. */
export function checkImageSource(src: string, allowedHosts: string[]): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
    let url: URL;
    try {
      url = new URL(src);
    } catch {
      return `"${src}" is not a valid URL.`;
    }
    if (url.protocol !== "https:") return `only https image URLs are allowed (got ${url.protocol}).`;
    if (!allowedHosts.includes(url.host.toLowerCase()))
      return `host "${url.host}" is not on this project's image allow-list${allowedHosts.length ? ` (${allowedHosts.join(", ")})` : " (it is empty)"}.`;
    return null;
  }
  return isRelativeSafePath(src) ? null : `"${src}" must be a relative path inside the image directory (no "..", no leading "/").`;
}

/**
 * The URL the browser loads for the `index`-th image of an item: by item id and position, so stored
 * file names never reach a reviewer (app/api/v1/items/[itemId]/images/[index]). https images on the
 * project's allow-list load from their host as given.
 */
export function imageUrlFor(itemId: string, index: number, src: string): string {
  return /^https:\/\//i.test(src) ? src : `/api/v1/items/${encodeURIComponent(itemId)}/images/${index}`;
}

/** Resolves a served path inside the image directory, or null if it would escape it. */
export function resolveImagePath(relative: string): string | null {
  if (!isRelativeSafePath(relative)) return null;
  const root = imageDirectory();
  const full = path.resolve(root, relative);
  return full.startsWith(root + path.sep) ? full : null;
}
