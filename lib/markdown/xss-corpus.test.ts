import { describe, expect, it } from "vitest";
import { findExecutable, markersIn, squash, visibleText } from "@/test/support/inspect-html";
import { XSS_PAYLOADS } from "@/test/support/xss-payloads";
import { renderMarkdown } from "./render-markdown";

// Issue 7: sanitizing must never silently change what a physician rates. For every classic XSS
// payload, rendered as markdown (question, context, options, turns, case, response content,
// reasoning, rationales, guidelines): (a) nothing executable survives, read back with a real HTML
// parser; (b) the payload's source is visible, and what was refused is inside a marker.

/** Each expected piece is in the visible text, or (for math) in a marker. */
function expectVisible(html: string, pieces: string[]) {
  const text = visibleText(html);
  const marked = markersIn(html).map((m) => m.text).join(" ");
  for (const piece of pieces) expect(`${text} ${marked}`).toContain(squash(piece));
}

describe.each(XSS_PAYLOADS)("markdown payload: $name", ({ source, visible, marker }) => {
  it("renders nothing executable", async () => {
    expect(findExecutable(await renderMarkdown(source))).toEqual([]);
  });

  it(marker ? `shows the source, marked as ${marker} not rendered` : "renders it as safe markdown", async () => {
    const html = await renderMarkdown(source);
    expectVisible(html, visible);
    const markers = markersIn(html);
    if (marker === null) {
      expect(markers).toEqual([]);
      return;
    }
    expect(markers.map((m) => m.kind)).toContain(marker);
    for (const m of markers) expect(m.title).not.toBe("");
    if (marker === "html") {
      // Raw HTML keeps its exact source: text outside the markers plus the markers' text.
      expect(visibleText(html)).toBe(squash(source));
    }
  });

  it("stays safe and visible inside a larger answer", async () => {
    const html = await renderMarkdown(`Answer with $a^2$ and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n${source}\n\n**Done.**`);
    expect(findExecutable(html)).toEqual([]);
    expectVisible(html, visible);
    expect(html).toContain("<table>");
    expect(html).toContain('class="katex"');
    expect(html).toContain("<strong>Done.</strong>");
  });
});
