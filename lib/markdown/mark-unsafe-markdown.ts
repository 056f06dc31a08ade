import type { InlineCode, Nodes, Parents, Root, RootContent, Text } from "mdast";
import { splitRawHtml } from "./split-raw-html";
import { unrenderedProps, type UnrenderedKind } from "./unrendered";
import { isAllowedImage, isSafeHref, normalizeHosts } from "./urls";

// A remark plugin, run on the markdown tree before it becomes HTML: whatever would otherwise be
// dropped on the way (raw HTML, links with unsafe addresses, remote images not on the allow-list)
// becomes a marker holding its source as text (lib/markdown/unrendered.ts). Text that a browser
// would read as a tag but CommonMark does not (`<img src=x onerror=alert('x')>`) is marked too, as
// in plain-text fields (split-raw-html.ts). Safe links and allowed images are left alone; the
// sanitizer and the passes after KaTeX still check them again.

export type MarkdownRenderData = { imageHosts?: readonly string[] };

// Parents whose children are blocks: a raw HTML block there becomes a paragraph holding the marker.
const FLOW_PARENTS = new Set<Parents["type"]>(["root", "blockquote", "listItem", "footnoteDefinition"]);

type Context = { definitions: Map<string, string>; hosts: string[]; source: string };

function marker(kind: UnrenderedKind, source: string): InlineCode {
  // hChildren keeps the source's line breaks (inline code would turn them into spaces).
  return { type: "inlineCode", value: source, data: { hProperties: unrenderedProps(kind), hChildren: [{ type: "text", value: source }] } };
}

function collectDefinitions(node: Nodes, into: Map<string, string>) {
  if (node.type === "definition" && !into.has(node.identifier)) into.set(node.identifier, node.url);
  if ("children" in node) for (const child of node.children) collectDefinitions(child, into);
}

/** Tag-like runs in a text node, marked only where the source has them as written: `\<b>` and
 * `&lt;b&gt;` are markdown's ways to ask for a literal "<b>". */
function markTagLikeText(node: Text, source: string): RootContent[] {
  const segments = splitRawHtml(node.value);
  if (!segments.some((s) => s.html)) return [node];
  const { start, end } = { start: node.position?.start.offset, end: node.position?.end.offset };
  const raw = start === undefined || end === undefined ? "" : source.slice(start, end);
  return segments.map((segment) => {
    const at = segment.html ? raw.indexOf(segment.text) : -1;
    return at === -1 || raw[at - 1] === "\\" ? { type: "text", value: segment.text } : marker("html", segment.text);
  });
}

function replacementsFor(node: RootContent, parent: Parents, ctx: Context): RootContent[] {
  switch (node.type) {
    case "text":
      return markTagLikeText(node, ctx.source);
    case "html": {
      const code = marker("html", node.value);
      return FLOW_PARENTS.has(parent.type) ? [{ type: "paragraph", children: [code] }] : [code];
    }
    case "link":
    case "linkReference": {
      // A reference without a definition is printed as its literal text by remark-rehype.
      const url = node.type === "link" ? node.url : ctx.definitions.get(node.identifier);
      if (url === undefined || isSafeHref(url)) return [node];
      // An autolink's text is its address: show the address once.
      const [only] = node.children;
      if (node.children.length === 1 && only.type === "text" && only.value === url) return [marker("link", url)];
      return [...node.children, { type: "text", value: " " }, marker("link", url)];
    }
    case "image":
    case "imageReference": {
      const url = node.type === "image" ? node.url : ctx.definitions.get(node.identifier);
      if (url === undefined || isAllowedImage(url, ctx.hosts)) return [node];
      return [marker("image", node.alt ? `${node.alt} — ${url}` : url)];
    }
    default:
      return [node];
  }
}

function markChildren(parent: Parents, ctx: Context) {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    if ("children" in child) markChildren(child, ctx); // inner first: an unsafe link may hold an image
    children.push(...replacementsFor(child, parent, ctx));
  }
  parent.children = children as typeof parent.children;
}

export function markUnsafeMarkdown() {
  return (tree: Root, file: { data: object; value: unknown }) => {
    const definitions = new Map<string, string>();
    collectDefinitions(tree, definitions);
    const hosts = normalizeHosts((file.data as MarkdownRenderData).imageHosts);
    markChildren(tree, { definitions, hosts, source: String(file.value ?? "") });
  };
}
