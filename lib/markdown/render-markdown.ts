import rehypeKatex from "rehype-katex";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { RenderCache } from "./render-cache";
import { unified } from "unified";
import type { Root, Element } from "hast";
import type { Root as MdRoot, Parent as MdParent, RootContent as MdContent } from "mdast";
import { markUnrenderedMath, refuseTrustedTex } from "./mark-unrendered-math";
import { markUnsafeMarkdown, type MarkdownRenderData } from "./mark-unsafe-markdown";
import { UNRENDERED_CLASS, UNRENDERED_KINDS, unrenderedProps } from "./unrendered";
import { isAllowedImage, isSafeHref, normalizeHosts } from "./urls";

// Model output is untrusted, and a physician must rate what the model actually wrote. Markdown is
// rendered to HTML on the server (no markdown code in the review page's JS). Nothing the model
// wrote is run and nothing is silently dropped: raw HTML (and other text a browser would read as a
// tag), links with unsafe addresses (javascript:, data:, vbscript: …), remote images not on the
// project's allow-list and TeX that KaTeX refuses are shown as their source in a marker
// (`markUnsafeMarkdown`, `markUnrenderedMath`, lib/markdown/unrendered.ts; decision 009).
//
// Order: mark (the markdown tree still holds the source) → HTML → sanitize with GitHub's
// allow-list (defence in depth: no raw HTML reaches it) → KaTeX, after sanitizing so that KaTeX's
// own markup is trusted and the input was not → mark refused math → re-check images and links.
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    // remark-math emits <code class="language-math math-inline"> and <pre><code class="language-math
    // math-display">; keep those classes so rehype-katex finds the nodes. Markers are
    // <code class="unrendered" data-unrendered=KIND title=…>. One className entry: the sanitizer
    // reads only the first definition of an attribute (GitHub's allows `language-*`).
    code: [["className", /^language-./, "math-inline", "math-display", UNRENDERED_CLASS], ["dataUnrendered", ...UNRENDERED_KINDS], "title"],
  },
  // https is allowed on img src here only so allow-listed hosts can survive; markUnsafeMarkdown decides.
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["data", "https"] },
};

const katexOptions = {
  // rehype-katex tries strict parsing first and falls back to throwOnError: false itself (its
  // Options type omits throwOnError), so bad math becomes a katex-error span, never an exception.
  trust: refuseTrustedTex,
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

// Second line of defence after KaTeX: an image that is not allowed becomes a marker, and a link
// whose address the sanitizer removed stops looking like a link. markUnsafeMarkdown has already
// handled both, so on today's pipeline these change nothing.
function recheckImagesAndLinks() {
  return (tree: Root, file: { data: object }) => {
    const hosts = normalizeHosts((file.data as MarkdownRenderData).imageHosts);
    const visit = (node: Root | Element) => {
      node.children = node.children.map((child) => {
        if (child.type !== "element") return child;
        visit(child);
        if (child.tagName === "img") {
          const src = String(child.properties.src ?? "");
          if (isAllowedImage(src, hosts)) return child;
          return { type: "element", tagName: "code", properties: unrenderedProps("image"), children: [{ type: "text", value: src }] };
        }
        if (child.tagName === "a") {
          const { href } = child.properties;
          if (typeof href !== "string" || !isSafeHref(href)) return { ...child, tagName: "span", properties: {} };
          child.properties = { ...child.properties, rel: ["noopener", "noreferrer", "nofollow"], target: "_blank" };
        }
        return child;
      }) as typeof node.children;
    };
    visit(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(keepDollarAmountsAsText)
  .use(markUnsafeMarkdown) // raw HTML, unsafe links, remote images → markers holding their source
  .use(remarkRehype) // no raw HTML is left to pass (allowDangerousHtml stays off)
  .use(rehypeSanitize, schema)
  .use(rehypeKatex, katexOptions) // after sanitize: KaTeX's own markup is trusted, the input was not
  .use(markUnrenderedMath)
  .use(recheckImagesAndLinks)
  .use(rehypeStringify)
  .freeze();

const rendered = new RenderCache();

/** Sanitized HTML of untrusted markdown; the same text and options are rendered once per process (./render-cache.ts). */
export function renderMarkdown(markdown: string, opts?: RenderMarkdownOptions): Promise<string> {
  const imageHosts = opts?.imageHosts ?? [];
  return rendered.get(`${JSON.stringify(imageHosts)}\u0000${markdown}`, () => renderUncached(markdown, imageHosts));
}

async function renderUncached(markdown: string, imageHosts: string[]): Promise<string> {
  const data: MarkdownRenderData = { imageHosts };
  return String(await processor.process({ value: markdown, data }));
}
