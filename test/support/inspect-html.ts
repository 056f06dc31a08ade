import { fromHtml } from "hast-util-from-html";
import type { Element, Root, RootContent } from "hast";

// Reads rendered HTML the way a browser would (hast-util-from-html is parse5, a spec-compliant
// HTML parser) and reports what could run or what a reader sees. Used by the XSS corpus tests.

// Elements that run code, load documents or submit anything; none may come out of untrusted text.
const FORBIDDEN = new Set([
  "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "textarea",
  "select", "meta", "link", "base", "style", "template", "noscript", "portal", "video", "audio", "source",
  "track", "marquee", "dialog", "foreignobject", "animate", "set", "use", "image", "mglyph", "malignmark",
]);
// Attributes that hold a URL (hast property names, lower-cased).
const URL_PROPERTIES = new Set(["href", "src", "action", "formaction", "xlinkhref", "data", "poster", "background", "srcset", "cite", "longdesc", "ping", "codebase", "dynsrc", "lowsrc"]);

/** HTML text, or a part of it already parsed (see `partOf`). */
type Html = string | Root;
const parse = (html: Html): Root => (typeof html === "string" ? fromHtml(html, { fragment: true }) : html);

/**
 * The elements with this data-testid (or matching this test), as one tree: to inspect the fields
 * of a page apart from the app's own controls.
 */
export function partOf(html: string, match: string | ((node: Element, ancestors: Element[]) => boolean)): Root {
  const test = typeof match === "string" ? (node: Element) => node.properties.dataTestid === match : match;
  const found: Element[] = [];
  walk(parse(html), (node, ancestors) => {
    if (test(node, ancestors) && !ancestors.some((a) => found.includes(a))) found.push(node);
  });
  if (!found.length) throw new Error(`No element matches ${String(match)}.`);
  return { type: "root", children: found };
}

type Visit = (node: Element, ancestors: Element[]) => void;
function walk(node: Root | Element, visit: Visit, ancestors: Element[] = []) {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    visit(child, ancestors);
    walk(child, visit, [...ancestors, child]); // a <template>'s content is not walked: the element is forbidden anyway
  }
}

const classesOf = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);
const insideKatex = (ancestors: Element[]) => ancestors.some((a) => classesOf(a).includes("katex"));

/** Everything in `html` that could execute or load: forbidden elements, handlers, script URLs. */
export function findExecutable(html: Html, opts: { imageHosts?: string[] } = {}): string[] {
  const problems: string[] = [];
  walk(parse(html), (node, ancestors) => {
    const tag = node.tagName.toLowerCase();
    if (FORBIDDEN.has(tag)) problems.push(`<${tag}> element`);
    if ((tag === "svg" || tag === "math") && !insideKatex(ancestors)) problems.push(`<${tag}> outside KaTeX's markup`);
    for (const [key, value] of Object.entries(node.properties)) {
      const name = key.toLowerCase();
      if (name.startsWith("on")) problems.push(`${key} handler on <${tag}>`);
      const text = Array.isArray(value) ? value.join(" ") : String(value);
      if (URL_PROPERTIES.has(name)) {
        const url = text.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (/^(?:javascript|vbscript|livescript|mocha):/.test(url)) problems.push(`${key}="${text}" on <${tag}>`);
        if (url.startsWith("data:") && !(tag === "img" && name === "src" && url.startsWith("data:image/"))) problems.push(`${key}="${text}" on <${tag}>`);
      }
      if (name === "style" && /expression\s*\(|url\s*\(|javascript:|behavior\s*:|-moz-binding/i.test(text)) problems.push(`style="${text}" on <${tag}>`);
    }
    if (tag === "img") {
      const src = String(node.properties.src ?? "");
      const allowed = src.startsWith("data:image/") || (src.startsWith("/") && !src.startsWith("//")) || (opts.imageHosts ?? []).some((h) => src.startsWith(`https://${h}/`));
      if (!allowed) problems.push(`remote image ${src}`);
    }
  });
  return problems;
}

function textOf(node: Root | RootContent, skip: (e: Element) => boolean): string {
  if (node.type === "text") return node.value;
  if (node.type === "element" && skip(node)) return "";
  return "children" in node ? node.children.map((c) => textOf(c, skip)).join("") : "";
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The text a reader sees (KaTeX's MathML copy for screen readers is left out), whitespace collapsed. */
export function visibleText(html: Html): string {
  return squash(textOf(parse(html), (e) => classesOf(e).includes("katex-mathml")));
}

export type Marker = { kind: string; title: string; text: string };

/** Every marker (lib/markdown/unrendered.ts) in `html`, with its text whitespace collapsed. */
export function markersIn(html: Html): Marker[] {
  const found: Marker[] = [];
  walk(parse(html), (node) => {
    const kind = node.properties.dataUnrendered;
    if (kind === undefined) return;
    found.push({ kind: String(kind), title: String(node.properties.title ?? ""), text: squash(textOf(node, () => false)) });
  });
  return found;
}

export { squash };
