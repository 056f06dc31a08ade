// One marker for everything the renderers refuse to render: raw HTML, unsafe links, remote images
// not on the allow-list, refused or broken TeX. The refused part is never dropped and never
// executed: its source is shown as text inside <code class="unrendered" data-unrendered=KIND>,
// with a title saying why, so a physician rates the answer the model actually gave. The visible
// badge ("HTML not rendered", …) is drawn by app/globals.css from data-unrendered, so it is not
// part of the text a reviewer selects or copies. Client-safe: the plain-text fields use it too.

export const UNRENDERED_KINDS = ["html", "link", "image", "math"] as const;
export type UnrenderedKind = (typeof UNRENDERED_KINDS)[number];

export const UNRENDERED_CLASS = "unrendered";

/** The marker's title (tooltip and accessible description): what was refused and why. */
export const UNRENDERED_TITLES: Record<UnrenderedKind, string> = {
  html: "HTML in the text, shown as its source: not rendered and not run",
  link: "Link not followed: its address is not a web (http, https) or mail address",
  image: "Remote image not loaded: its host is not on this project's image allow-list",
  math: "TeX shown as its source, not rendered",
};

/** The properties of a marker element (hast / React property names are the same here). */
export function unrenderedProps(kind: UnrenderedKind, title: string = UNRENDERED_TITLES[kind]) {
  return { className: [UNRENDERED_CLASS], dataUnrendered: kind, title };
}
