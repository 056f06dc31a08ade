import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Root, Element } from "hast";

// Model output is untrusted. Markdown is rendered to HTML on the server (no markdown code in the
// review page's JS) and sanitized with GitHub's allow-list: no raw HTML, no script, no event
// handlers, no javascript: URLs. Remote images are dropped (they leak the reviewer's IP and can
// carry tracking); only same-origin and data: images survive.
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["data"] },
};

function dropRemoteImages() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      node.children = node.children.filter((child) => {
        if (child.type !== "element") return true;
        if (child.tagName === "img") {
          const src = String(child.properties?.src ?? "");
          if (!src.startsWith("data:image/") && !src.startsWith("/")) return false;
        }
        visit(child);
        return true;
      }) as typeof node.children;
    };
    visit(tree);
  };
}

function linksOpenSafely() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (child.tagName === "a") child.properties = { ...child.properties, rel: ["noopener", "noreferrer", "nofollow"], target: "_blank" };
        visit(child);
      }
    };
    visit(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype) // raw HTML in markdown is dropped here (allowDangerousHtml is off)
  .use(rehypeSanitize, schema)
  .use(dropRemoteImages)
  .use(linksOpenSafely)
  .use(rehypeStringify)
  .freeze();

export async function renderMarkdown(markdown: string): Promise<string> {
  return String(await processor.process(markdown));
}
