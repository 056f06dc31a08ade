import type { InlineCode, Nodes, Parents, Root, RootContent } from "mdast";
import { unrenderedProps, type UnrenderedKind } from "./unrendered";
import { isAllowedImage, isSafeHref, normalizeHosts } from "./urls";

// A remark plugin, run on the markdown tree before it becomes HTML: whatever would otherwise be
// dropped on the way (raw HTML, links with unsafe addresses, remote images not on the allow-list)
// becomes a marker holding its source as text (lib/markdown/unrendered.ts). Safe links and allowed
// images are left alone; the sanitizer and the passes after KaTeX still check them again.

export type MarkdownRenderData = { imageHosts?: readonly string[] };

// Parents whose children are blocks: a raw HTML block there becomes a paragraph holding the marker.
const FLOW_PARENTS = new Set<Parents["type"]>(["root", "blockquote", "listItem", "footnoteDefinition"]);

type Context = { definitions: Map<string, string>; hosts: string[] };

function marker(kind: UnrenderedKind, source: string): InlineCode {
  // hChildren keeps the source's line breaks (inline code would turn them into spaces).
  return { type: "inlineCode", value: source, data: { hProperties: unrenderedProps(kind), hChildren: [{ type: "text", value: source }] } };
}

function collectDefinitions(node: Nodes, into: Map<string, string>) {
  if (node.type === "definition" && !into.has(node.identifier)) into.set(node.identifier, node.url);
  if ("children" in node) for (const child of node.children) collectDefinitions(child, into);
}

function replacementsFor(node: RootContent, parent: Parents, ctx: Context): RootContent[] {
  switch (node.type) {
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
  return (tree: Root, file: { data: object }) => {
    const definitions = new Map<string, string>();
    collectDefinitions(tree, definitions);
    markChildren(tree, { definitions, hosts: normalizeHosts((file.data as MarkdownRenderData).imageHosts) });
  };
}
