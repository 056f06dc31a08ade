import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { findExecutable, markersIn, squash, visibleText } from "@/test/support/inspect-html";
import { XSS_PAYLOADS } from "@/test/support/xss-payloads";
import { PlainText } from "./markdown";

// Plain-text fields (note sentences, criteria, diagnoses, captions) show every payload verbatim;
// raw HTML in them is marked exactly as in rendered markdown.
const render = (text: string) => renderToStaticMarkup(createElement("p", null, createElement(PlainText, { text })));

describe.each(XSS_PAYLOADS)("plain-text payload: $name", ({ source, plainHtml }) => {
  it("renders nothing executable and shows the source verbatim", () => {
    const html = render(source);
    expect(findExecutable(html)).toEqual([]);
    expect(visibleText(html)).toBe(squash(source));
  });

  it(plainHtml ? "marks the raw HTML as not rendered" : "adds no marker", () => {
    const markers = markersIn(render(source));
    if (!plainHtml) return expect(markers).toEqual([]);
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.every((m) => m.kind === "html" && m.title.includes("not rendered"))).toBe(true);
  });
});

describe("PlainText", () => {
  it("keeps text without HTML as plain text", () => {
    expect(render("BP < 90 & HR > 120")).toBe("<p>BP &lt; 90 &amp; HR &gt; 120</p>");
  });

  it("wraps each raw HTML run in the marker, keeping the text between", () => {
    expect(render("Give <b>5 mg</b> now")).toBe(
      '<p>Give <code class="unrendered" data-unrendered="html" title="HTML in the text, shown as its source: not rendered and not run">&lt;b&gt;</code>5 mg<code class="unrendered" data-unrendered="html" title="HTML in the text, shown as its source: not rendered and not run">&lt;/b&gt;</code> now</p>',
    );
  });
});
