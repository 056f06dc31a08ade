/** Shows HTML produced by lib/markdown/render-markdown (already sanitized on the server). */
export function Markdown({ html, className = "", ...rest }: { html: string; className?: string; "data-testid"?: string }) {
  return <div {...rest} className={`prose-md ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
