import type { Element, ElementContent, Root } from "hast";
import { UNRENDERED_TITLES, unrenderedProps } from "./unrendered";

// TeX that KaTeX will not render shows its source, marked like any other refused markup.
//
// KaTeX asks a `trust` callback before \href, \url, \includegraphics, \htmlClass, \htmlId,
// \htmlStyle and \htmlData. With `trust: false` it silently prints the command name in red and
// renders the rest, so a reviewer sees "\href" and not what the model wrote. Instead the callback
// throws: rehype-katex then renders the whole formula as a `katex-error` span holding its TeX
// source, exactly as it does for a formula KaTeX cannot parse. The pass after KaTeX turns every
// such span into the marker, so refused and broken math look the same and keep their source.

const REFUSED = "Refused TeX command";

/** KaTeX `trust` option: refuses every command that could link, load, or set HTML attributes. */
export function refuseTrustedTex(context: { command: string }): boolean {
  throw new Error(`${REFUSED} ${context.command}`);
}

function isKatexError(node: ElementContent): node is Element {
  if (node.type !== "element" || node.tagName !== "span") return false;
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes("katex-error");
}

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  return node.type === "element" ? node.children.map(textOf).join("") : "";
}

function titleFor(error: string): string {
  const refused = new RegExp(`${REFUSED} (\\\\[A-Za-z]+)`).exec(error);
  if (refused) return `${UNRENDERED_TITLES.math}: ${refused[1]} is refused (it could link, load images or set HTML attributes)`;
  return `${UNRENDERED_TITLES.math}: KaTeX could not render it (${error.replace(/^ParseError: /, "")})`;
}

function markerFor(span: Element): Element {
  const title = titleFor(String(span.properties.title ?? ""));
  return { type: "element", tagName: "code", properties: unrenderedProps("math", title), children: [{ type: "text", value: textOf(span) }] };
}

/** A rehype plugin, run right after rehype-katex. */
export function markUnrenderedMath() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      node.children = node.children.map((child) => {
        if (child.type !== "element") return child;
        if (isKatexError(child)) return markerFor(child);
        visit(child);
        return child;
      }) as typeof node.children;
    };
    visit(tree);
  };
}
