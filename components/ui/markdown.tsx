import { splitRawHtml } from "@/lib/markdown/split-raw-html";
import { UNRENDERED_CLASS, UNRENDERED_TITLES } from "@/lib/markdown/unrendered";

/**
 * Shows HTML produced by lib/markdown/render-markdown (already sanitized on the server). Item and
 * model text passes `dir` and `lang` (components/ui/text-direction.ts textProps).
 */
export function Markdown({ html, className = "", ...rest }: { html: string; className?: string; "data-testid"?: string; dir?: "ltr" | "rtl" | "auto"; lang?: string }) {
  return <div {...rest} className={`prose-md ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * Plain text from an item or a model that is not markdown (note sentences, criteria, diagnoses,
 * captions, option keys). React already shows it as text; raw HTML in it gets the same marker as
 * in rendered markdown (lib/markdown/unrendered.ts), so a reviewer sees the same thing everywhere.
 * The element around it carries the text's direction (textProps).
 */
export function PlainText({ text }: { text: string }) {
  return splitRawHtml(text).map((segment, i) =>
    segment.html ? (
      <code key={i} className={UNRENDERED_CLASS} data-unrendered="html" title={UNRENDERED_TITLES.html}>
        {segment.text}
      </code>
    ) : (
      segment.text
    ),
  );
}
