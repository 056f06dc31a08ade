import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

describe("renderMarkdown (model output is untrusted)", () => {
  it("renders GFM tables, emphasis and lists", async () => {
    const html = await renderMarkdown("**bold**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<table>");
    expect(html).toContain("<li>x</li>");
  });

  it("drops raw HTML, scripts and event handlers", async () => {
    const html = await renderMarkdown('Hi <script>alert(1)</script><img src="x" onerror="alert(2)"><b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|<img|onerror|onclick/);
    // The script's text survives only as inert text.
    expect(html).toBe("<p>Hi alert(1)b</p>");
  });

  it("neutralizes javascript: links and marks external links safe", async () => {
    const html = await renderMarkdown("[click](javascript:alert(1)) [ok](https://example.org)");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("drops remote images but keeps inline data images", async () => {
    const html = await renderMarkdown("![t](https://tracker.example/p.gif) ![d](data:image/png;base64,AAAA)");
    expect(html).not.toContain("tracker.example");
    expect(html).toContain("data:image/png;base64,AAAA");
  });
});
