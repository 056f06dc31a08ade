import rehypeKatex from "rehype-katex";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Root, Element } from "hast";
import type { Root as MdRoot, Parent as MdParent, RootContent as MdContent } from "mdast";

// Model output is untrusted. Markdown is rendered to HTML on the server (no markdown code in the
// review page's JS) and sanitized with GitHub's allow-list: no raw HTML, no script, no event
// handlers, no javascript: URLs. Remote images are dropped (they leak the reviewer's IP and can
// carry tracking) unless their host is explicitly allow-listed; same-origin and data: images survive.
//
// LaTeX math ($inline$, $$display$$ blocks, ```math fences) is rendered with KaTeX *after*
// sanitizing: sanitize first so no model-provided raw HTML survives, then KaTeX turns the inert
// `<code class="language-math math-inline|math-display">` nodes into its own markup. KaTeX runs
// with trust: false, so \href, \url, \includegraphics, \htmlClass/\htmlStyle/... are rendered as
// error text, never as links, images or attributes. The link/image passes below run after KaTeX
// as a second line of defence.
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    // remark-math emits <code class="language-math math-inline"> and <pre><code class="language-math
    // math-display">; keep those classes so rehype-katex finds the nodes. (`language-*` is already allowed.)
    code: [...(defaultSchema.attributes?.code ?? []), ["className", "math-inline", "math-display"]],
  },
  // https is allowed on img src here only so allow-listed hosts can survive; dropImages decides.
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["data", "https"] },
};

const katexOptions = {
  // rehype-katex always tries strict parsing first and falls back to throwOnError: false itself
  // (its Options type omits throwOnError), so bad math becomes red error text, never an exception.
  trust: false,
  strict: "ignore" as const,
  // HTML for display plus MathML for screen readers (the HTML half is aria-hidden). Roughly doubles
  // the markup of each formula; acceptable for the short formulas model outputs contain.
  output: "htmlAndMathml" as const,
  maxSize: 50, // em; caps absurd \rule / \kern sizes
  maxExpand: 1000, // macro expansions; stops \def bombs
};

// Model answers quote prices ("costs $5 to $10"); remark-math would typeset "5 to " as math. Apply
// Pandoc's rule to single-dollar inline math: the opening $ must be followed by a non-space, the
// closing $ preceded by a non-space and not followed by a digit. Otherwise put the source back as text.
function keepDollarAmountsAsText() {
  return (tree: MdRoot, file: { value: unknown }) => {
    const source = String(file.value ?? "");
    const visit = (node: MdParent) => {
      node.children = node.children.map((child: MdContent): MdContent => {
        if (child.type === "inlineMath") {
          const start = child.position?.start.offset;
          const end = child.position?.end.offset;
          if (start === undefined || end === undefined) return child;
          const raw = source.slice(start, end);
          const single = raw.startsWith("$") && !raw.startsWith("$$");
          if (single && (/^\$\s/.test(raw) || /\s\$$/.test(raw) || /^\d/.test(source.slice(end, end + 1)))) {
            return { type: "text", value: raw, position: child.position };
          }
          return child;
        }
        if ("children" in child) visit(child);
        return child;
      }) as typeof node.children;
    };
    visit(tree);
  };
}

export type RenderMarkdownOptions = {
  /** Hosts (e.g. "images.example.org", compared with URL.host) whose https images are kept. */
  imageHosts?: string[];
};

type RenderData = { imageHosts?: readonly string[] };

function isSameOriginPath(src: string): boolean {
  // "/x" is same-origin, but "//host/x" and "/\host/x" are protocol-relative in browsers.
  return src.startsWith("/") && !src.startsWith("//") && !src.startsWith("/\\");
}

function isAllowedImage(src: string, hosts: readonly string[]): boolean {
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

function dropImages() {
  return (tree: Root, file: { data: object }) => {
    const hosts = ((file.data as RenderData).imageHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean);
    const visit = (node: Root | Element) => {
      node.children = node.children.filter((child) => {
        if (child.type !== "element") return true;
        if (child.tagName === "img" && !isAllowedImage(String(child.properties?.src ?? ""), hosts)) return false;
        visit(child);
        return true;
      }) as typeof node.children;
    };
    visit(tree);
  };
}

// Same rule as the sanitizer (defence in depth, after KaTeX): relative URLs, or http(s)/mailto.
function isSafeHref(href: string): boolean {
  const colon = href.indexOf(":");
  if (colon === -1) return true;
  const delimiter = href.search(/[/?#]/);
  if (delimiter !== -1 && delimiter < colon) return true;
  return /^(?:https?|mailto):/i.test(href);
}

function linksOpenSafely() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (child.tagName === "a") {
          const { href, ...rest } = child.properties ?? {};
          const safe = typeof href === "string" && isSafeHref(href);
          child.properties = { ...rest, ...(safe ? { href } : {}), rel: ["noopener", "noreferrer", "nofollow"], target: "_blank" };
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(keepDollarAmountsAsText)
  .use(remarkRehype) // raw HTML in markdown is dropped here (allowDangerousHtml is off)
  .use(rehypeSanitize, schema)
  .use(rehypeKatex, katexOptions) // after sanitize: KaTeX's own markup is trusted, the input was not
  .use(dropImages)
  .use(linksOpenSafely)
  .use(rehypeStringify)
  .freeze();

export async function renderMarkdown(markdown: string, opts?: RenderMarkdownOptions): Promise<string> {
  const data: RenderData = { imageHosts: opts?.imageHosts ?? [] };
  return String(await processor.process({ value: markdown, data }));
}
